package com.nija.local.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} on 127.0.0.1 that can be stopped and started again on the same port.
 *
 * <p>Why restartable: the cache wrappers must keep serving from DynamoDB when Redis goes away and reconnect when it
 * returns, and tests prove that by stopping this server mid-test. Persistence is off ({@code save ""},
 * {@code appendonly no}), so a restart starts empty; its working directory is a private temporary directory so no
 * stray {@code dump.rdb} is ever loaded from, or written to, the checkout.
 */
public final class RedisServerProcess implements AutoCloseable {

    /** The embedded binary starts in about 0.1 s; the margin covers a loaded CI machine. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(RedisServerProcess.class);

    private final int port;
    private final List<String> extraArgs;
    private Path workingDirectory;
    private ChildProcess process;

    /** A server for 127.0.0.1:{@code port}; nothing starts until {@link #start()}. */
    public RedisServerProcess(int port) {
        this(port, List.of());
    }

    /** Likewise, with more redis-server options (e.g. {@code --cluster-enabled yes} for a one-node cluster). */
    public RedisServerProcess(int port, List<String> extraArgs) {
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /**
     * Starts redis-server and returns once it answers PING; does nothing when already running.
     *
     * @return this, so {@code new RedisServerProcess(FreePort.find()).start()} reads as one step
     */
    public synchronized RedisServerProcess start() {
        if (isRunning()) {
            return this;
        }
        stop(); // a server that died on its own still holds a shutdown hook
        long started = System.nanoTime();
        Path executable = RedisExecutable.resolve();
        FreePort.requireUnused(port, "redis-server");
        if (workingDirectory == null) {
            workingDirectory = createWorkingDirectory();
        }
        List<String> command = new java.util.ArrayList<>(List.of(executable.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", workingDirectory.toString()));
        command.addAll(extraArgs);
        ChildProcess child = ChildProcess.start("redis:" + port, command, workingDirectory, LOG);
        try {
            child.awaitReady(() -> RedisPing.answers(port), START_TIMEOUT);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        process = child;
        LOG.info("redis-server ready at {} ({}) in {} ms", uri(), executable, (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    /** Stops redis-server (SIGTERM; data is discarded). The port can be started again with {@link #start()}. */
    public synchronized void stop() {
        if (process != null) {
            process.close();
            process = null;
            LOG.info("redis-server on port {} stopped", port);
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}, as Lettuce's {@code RedisURI.create} expects. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Stops the server and deletes its temporary working directory. */
    @Override
    public synchronized void close() {
        stop();
        if (workingDirectory != null) {
            deleteRecursively(workingDirectory);
            workingDirectory = null;
        }
    }

    /** Also deleted at JVM exit (after the shutdown hooks stopped redis), as redis leaves it empty. */
    private static Path createWorkingDirectory() {
        try {
            Path directory = Files.createTempDirectory("nija-redis-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new LocalServiceException("Cannot create a temporary directory for redis-server", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete redis-server's temporary directory {}: {}", directory, e.getMessage());
        }
    }
}
