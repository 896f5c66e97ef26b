package com.nija.local.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code node} binary that runs dynalite, checked once per JVM.
 *
 * <p>dynalite 4 declares {@code engines.node >= 20}; on an older Node it fails deep inside LevelDB with an error that
 * does not mention Node at all, so we check {@code node --version} up front and say what to install.
 */
final class NodeRuntime {

    static final int MINIMUM_MAJOR = 20;
    private static final Pattern VERSION = Pattern.compile("^v(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final String INSTALL_HINT = "Install Node.js " + MINIMUM_MAJOR
            + " or newer (https://nodejs.org/ or your OS package manager) so that `node` is on PATH.";

    private static volatile NodeRuntime cached;

    private final Path executable;
    private final String version;

    private NodeRuntime(Path executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** The node on PATH, verified to be version 20 or newer. */
    static NodeRuntime require() {
        NodeRuntime node = cached;
        if (node == null) {
            Path executable = Executables.findOnPath("node").orElseThrow(() -> new LocalServiceException(
                    "dynalite (local DynamoDB) needs Node.js but `node` was not found on PATH. " + INSTALL_HINT));
            node = new NodeRuntime(executable, checkedVersion(executable, readVersion(executable)));
            cached = node;
        }
        return node;
    }

    /** Returns {@code versionOutput} trimmed if it names Node 20 or newer, else throws an actionable exception. */
    static String checkedVersion(Path executable, String versionOutput) {
        String trimmed = versionOutput.trim();
        Matcher matcher = VERSION.matcher(trimmed);
        if (!matcher.find()) {
            throw new LocalServiceException("Could not read the Node.js version: `" + executable
                    + " --version` printed '" + trimmed + "'. " + INSTALL_HINT);
        }
        if (Integer.parseInt(matcher.group(1)) < MINIMUM_MAJOR) {
            throw new LocalServiceException("Node.js " + trimmed + " at " + executable
                    + " is too old for dynalite 4 (local DynamoDB). " + INSTALL_HINT);
        }
        return trimmed;
    }

    private static String readVersion(Path executable) {
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            try (InputStream out = process.getInputStream()) {
                String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new LocalServiceException("`" + executable + " --version` did not finish in 10 s.");
                }
                return text;
            }
        } catch (IOException e) {
            throw new LocalServiceException("Could not run `" + executable + " --version`. " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServiceException("Interrupted while checking the Node.js version", e);
        }
    }

    Path executable() {
        return executable;
    }

    String version() {
        return version;
    }
}
