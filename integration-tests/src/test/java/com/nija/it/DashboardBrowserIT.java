package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.it.support.ApiTarget;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: Debian's chromium, driven by playwright-core from the dashboard's own node
 * tests ({@code dashboard/test/browser/}), against the shared local platform. The scenarios live in JavaScript
 * beside the app (the same selectors and helpers the benchmark uses); this class gives them the platform's URL,
 * tokens and a signal source, and fails with their TAP output when any fails.
 */
@PlatformTest
@LocalPlatformOnly("the dashboard is served by the local gateway; in AWS by CloudFront")
class DashboardBrowserIT {
    private static final Path DASHBOARD = Path.of("..", "dashboard").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private final ApiTarget target;

    DashboardBrowserIT(ApiTarget target) {
        this.target = target;
    }

    @Test
    @DisplayName("sign-in by fragment and by form, the demo positions, fills and prices arriving live on the overview, orders and positions, closing twice, the trades CSV, settings and axe pass in chromium")
    void browserScenarios() throws IOException, InterruptedException {
        assertThat(CHROMIUM).as("chromium for the browser tests: apt-get install -y chromium").isExecutable();
        assertThat(DASHBOARD.resolve("node_modules/playwright-core")).as("the dashboard's npm ci ran").isDirectory();
        SignalSource source = SignalSource.register(target, "dashboard browser");
        Trader live = Trader.following(target, "dashboard live", source, Map.of("allowedSymbols", List.of()));
        // The positions and orders scenarios have a source of their own: their signals reach no other trader.
        SignalSource positionsSource = SignalSource.register(target, "dashboard positions");
        Trader positions = Trader.following(target, "dashboard positions", positionsSource, Map.of("allowedSymbols", List.of()));

        Map<String, String> env = new HashMap<>();
        env.put("NIJA_DASHBOARD_URL", target.baseUrl());
        env.put("NIJA_DEMO_TOKEN", target.traderToken());
        env.put("NIJA_TRADER_TOKEN", live.token());
        env.put("NIJA_SETTINGS_TOKEN", target.changeableTraderToken("dashboard settings"));
        env.put("NIJA_FORM_TRADER", ApiTarget.newTraderId("dashboard form"));
        env.put("NIJA_SOURCE_ID", source.id());
        env.put("NIJA_SOURCE_SECRET", source.secret());
        env.put("NIJA_POSITIONS_TOKEN", positions.token());
        env.put("NIJA_POSITIONS_SOURCE_ID", positionsSource.id());
        env.put("NIJA_POSITIONS_SOURCE_SECRET", positionsSource.secret());
        env.put("NIJA_PRICE_FEED_ID", positionsSource.priceFeedId());
        env.put("NIJA_PRICE_FEED_SECRET", positionsSource.priceFeedSecret());
        env.put("CHROMIUM", CHROMIUM.toString());

        Run run = node(env, "--test", "--test-reporter=tap", "test/browser/");

        System.out.println("[it] dashboard browser tests:\n" + run.output());
        assertThat(run.exitCode()).as("node --test test/browser/ output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("# pass 8").contains("# fail 0");
    }

    private record Run(int exitCode, String output) {}

    private static Run node(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("nija-dashboard-browser-", ".tap");
        try {
            List<String> command = new java.util.ArrayList<>(List.of("node"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(DASHBOARD.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
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
