package com.nija.it.support;

import com.nija.local.platform.LocalPlatform;
import com.nija.shared.observability.Telemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A second local platform for one test class that needs configuration the shared one must not have (the order
 * throttle off for a load test): its own DynamoDB, Redis, queues and gateway, and demo data only when asked for. Start it in
 * {@code @BeforeAll}, close it in {@code @AfterAll}.
 *
 * <p>Metrics go to one process-wide sink, which the newest platform takes: while this one runs, its
 * {@link LocalPlatform#metrics()} counts and the shared platform's does not; closing hands the sink back to the
 * shared platform, so tests that count metrics there keep working (test classes run one after another).
 */
public final class DedicatedPlatform implements AutoCloseable {
    private static final Duration TOKEN_TTL = Duration.ofHours(2);

    private final LocalPlatform shared;
    private final LocalPlatform platform;
    private final Path home;

    private DedicatedPlatform(LocalPlatform shared, LocalPlatform platform, Path home) {
        this.shared = shared;
        this.platform = platform;
        this.home = home;
    }

    /**
     * @param sharedTarget the shared target, to hand the metrics sink back to; when it is a deployed stack the
     *                     calling tests are skipped, saying why (overrides only apply in-process)
     */
    public static DedicatedPlatform start(ApiTarget sharedTarget, String purpose, Map<String, Object> overrides) {
        return start(sharedTarget, purpose, overrides, false);
    }

    /** As {@link #start(ApiTarget, String, Map)}; with {@code demo}, seeded as {@code up --demo} seeds a fresh machine. */
    public static DedicatedPlatform start(ApiTarget sharedTarget, String purpose, Map<String, Object> overrides,
                                          boolean demo) {
        LocalPlatform shared = sharedTarget.platform("a local platform of its own with " + overrides
                + " (" + purpose + ")");
        long started = System.nanoTime();
        Path home;
        try {
            home = Files.createTempDirectory("nija-it-dedicated-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a home for the dedicated platform", e);
        }
        try {
            LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Options(0, demo, null, home,
                    ItPlatforms.options(overrides)));
            System.out.printf("[it] platform of its own for %s (%s) ready on %s in %d ms%n", purpose, overrides,
                    platform.baseUrl(), (System.nanoTime() - started) / 1_000_000);
            return new DedicatedPlatform(shared, platform, home);
        } catch (RuntimeException | LinkageError e) {
            Telemetry.useSink(shared.metrics());
            deleteRecursively(home);
            throw e;
        }
    }

    public LocalPlatform platform() {
        return platform;
    }

    public Api api() {
        return new Api(platform.baseUrl());
    }

    /** A trader seen for the first time on this platform. */
    public Trader newTrader(String purpose) {
        String id = ApiTarget.newTraderId(purpose);
        return new Trader(api(), id, platform.tokens().issue(id, List.of(), TOKEN_TTL));
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            Telemetry.useSink(shared.metrics());
            deleteRecursively(home);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[it] could not delete " + dir + ": " + e.getMessage());
        }
    }
}
