package com.nija.local.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * A server process owned by this JVM: output goes to the logger, a shutdown hook kills it, {@link #close()} kills it
 * and its descendants.
 *
 * <p>Why the ceremony: a local DynamoDB or Redis left running after Ctrl-C or a crashed test holds its port and, for
 * dynalite, the LevelDB lock, and the next run then fails in confusing ways. Output is drained continuously (a full
 * pipe would block the child) and logged at debug so servers never write to our stdout; the last lines are kept to
 * explain a failed start.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final int TAIL_LINES = 20;

    private final String name;
    private final Process process;
    private final Thread shutdownHook;
    private final Deque<String> tail = new ArrayDeque<>();

    private ChildProcess(String name, Process process, Logger log) {
        this.name = name;
        this.process = process;
        this.shutdownHook = new Thread(this::kill, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Thread pump = new Thread(() -> pump(log), name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code command} in {@code workingDirectory}, stdout and stderr merged into {@code log} at debug. */
    static ChildProcess start(String name, List<String> command, Path workingDirectory, Logger log) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new LocalServiceException("Could not start " + name + " with " + command, e);
        }
    }

    /**
     * Polls {@code ready} until it returns true. Throws if the process exits first or {@code timeout} passes; the
     * message carries the process's last output lines. The caller closes this process when it throws.
     */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new LocalServiceException(name + " exited with code " + exitCodeAfterOutput()
                        + " before it was ready. Last output:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new LocalServiceException(name + " was not ready within " + timeout.toMillis()
                        + " ms. Last output:\n" + tail());
            }
            sleep(POLL_INTERVAL);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Stops the process and its descendants (SIGTERM, then SIGKILL after 5 s) and removes the shutdown hook. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // The JVM is exiting and the hook is running or has run: nothing left to unregister.
        }
    }

    private void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void pump(Logger log) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                log.debug("[{}] {}", name, line);
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
            }
        } catch (IOException e) {
            log.debug("[{}] output closed: {}", name, e.getMessage());
        }
    }

    private int exitCodeAfterOutput() {
        sleep(Duration.ofMillis(50)); // let the pump read the dying process's last lines
        return process.exitValue();
    }

    private String tail() {
        synchronized (tail) {
            return tail.isEmpty() ? "(no output)" : String.join("\n", tail);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServiceException("Interrupted while waiting for a local server", e);
        }
    }
}
