package com.nija.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the dashboard's own node browser tests ({@code dashboard/test/…}, playwright-core driving Debian's chromium)
 * for a browser IT, with the platform's URL and tokens in the environment; the TAP output comes back for the assertion
 * message.
 */
public final class DashboardNode {
    public static final Path DASHBOARD = Path.of("..", "dashboard").toAbsolutePath().normalize();
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private DashboardNode() {}

    /** The exit code and the whole TAP output of one node run. */
    public record Run(int exitCode, String output) {}

    /** Fails, saying what to install, when chromium or the dashboard's node modules are missing. */
    public static void requireBrowser() {
        assertThat(CHROMIUM).as("chromium for the browser tests: apt-get install -y chromium").isExecutable();
        assertThat(DASHBOARD.resolve("node_modules/playwright-core")).as("the dashboard's npm ci ran").isDirectory();
    }

    public static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("nija-dashboard-browser-", ".tap");
        try {
            List<String> command = new ArrayList<>(List.of("node"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(DASHBOARD.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("CHROMIUM", CHROMIUM.toString());
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Run(-1, "timed out after 5 minutes\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
