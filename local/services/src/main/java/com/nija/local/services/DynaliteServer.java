package com.nija.local.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite (the DynamoDB API on LevelDB, from npm) running as a child {@code node} process on 127.0.0.1.
 *
 * <p>Why dynalite: DynamoDB Local's licence rules it out and Docker is not assumed, so handler tests and the local
 * platform talk to dynalite through the real AWS SDK ({@code endpointOverride(server.endpoint())}). Tables are ACTIVE
 * within milliseconds ({@code --createTableMs 0}, default 500 ms) so SDK waiters barely wait. Without a data directory everything lives in
 * memory and dies with the process. Not supported by dynalite: transactions, PartiQL, TTL, Streams.
 *
 * <p>The server answers any signature ({@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…,
 * Signature=…} plus {@code X-Amz-Date}); the SDK with any static credentials does that.
 */
public final class DynaliteServer implements AutoCloseable {

    /** Long enough for a cold start on a loaded 2-core CI machine; a warm start takes a few hundred ms. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DynaliteServer.class);
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(250)).build();
    /** Shaped like SigV4, which is all dynalite checks; the signature itself is never verified. */
    private static final String PROBE_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/"
            + "dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";

    private final int port;
    private final Path dataDirectory;
    private final ChildProcess process;

    private DynaliteServer(int port, Path dataDirectory, ChildProcess process) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.process = process;
    }

    /** Starts an in-memory dynalite on 127.0.0.1:{@code port} and returns once it answers {@code ListTables}. */
    public static DynaliteServer start(int port) {
        return launch(port, null);
    }

    /**
     * Starts dynalite on 127.0.0.1:{@code port} with its LevelDB store in {@code dataDirectory} (created if missing),
     * so tables and items survive a restart. Only one server may use a directory at a time (LevelDB lock).
     */
    public static DynaliteServer start(int port, Path dataDirectory) {
        return launch(port, dataDirectory.toAbsolutePath());
    }

    private static DynaliteServer launch(int port, Path dataDirectory) {
        long started = System.nanoTime();
        NodeRuntime node = NodeRuntime.require();
        Path cli = DynaliteInstallation.locateCli();
        FreePort.requireUnused(port, "dynalite");
        List<String> command = new ArrayList<>(List.of(node.executable().toString(), cli.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--createTableMs", "0"));
        if (dataDirectory != null) {
            createDirectories(dataDirectory);
            requireUnlocked(dataDirectory);
            command.addAll(List.of("--path", dataDirectory.toString()));
        }
        ChildProcess process = ChildProcess.start("dynalite:" + port, command, cli.getParent(), LOG);
        try {
            process.awaitReady(() -> answersListTables(port), START_TIMEOUT);
        } catch (RuntimeException e) {
            process.close();
            throw dataDirectory == null ? e : new LocalServiceException(e.getMessage() + "\nIf another dynalite uses "
                    + dataDirectory + ", stop it first: LevelDB allows one process per data directory.", e);
        }
        LOG.info("dynalite ready at http://127.0.0.1:{} ({}, node {}) in {} ms", port,
                dataDirectory == null ? "in memory" : dataDirectory, node.version(),
                (System.nanoTime() - started) / 1_000_000);
        return new DynaliteServer(port, dataDirectory, process);
    }

    /** {@code http://127.0.0.1:<port>}, for the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The LevelDB directory, or empty when the data lives in memory. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** The process id of the {@code node} process, for diagnostics. */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the node process and any children it started; in-memory data is lost, a data directory is kept. */
    @Override
    public void close() {
        process.close();
    }

    /**
     * Ready means a real {@code ListTables} succeeds, not just that HTTP answers: with a data directory that another
     * dynalite holds, LevelDB fails to open yet {@code GET /} still says "healthy"; the first table operation then
     * crashes the process, which {@link ChildProcess#awaitReady} reports with its output.
     */
    private static boolean answersListTables(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(2))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", PROBE_AUTHORIZATION)
                .header("X-Amz-Date", "20260101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Limit\":1}"))
                .build();
        try {
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServiceException("Interrupted while waiting for dynalite", e);
        }
    }

    /**
     * A second dynalite on a directory still starts and answers HTTP, then crashes on the first table operation; LevelDB
     * holds a POSIX lock on {@code LOCK}, the same kind {@link FileChannel#tryLock()} takes, so check it up front.
     */
    private static void requireUnlocked(Path directory) {
        try (FileChannel lockFile = FileChannel.open(directory.resolve("LOCK"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                throw new LocalServiceException("The dynalite data directory " + directory + " is in use by another "
                        + "process (LevelDB allows one per directory). Stop the other dynalite or use another directory.");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new LocalServiceException("The dynalite data directory " + directory + " is locked by this JVM.", e);
        } catch (IOException e) {
            throw new LocalServiceException("Cannot check the lock of the dynalite data directory " + directory, e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LocalServiceException("Cannot create the dynalite data directory " + directory, e);
        }
    }
}
