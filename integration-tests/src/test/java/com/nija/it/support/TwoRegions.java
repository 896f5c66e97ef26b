package com.nija.it.support;

import com.nija.local.platform.LocalPlatform;
import com.nija.local.services.DynaliteServer;
import com.nija.local.services.FreePort;
import com.nija.shared.observability.Telemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two local "regions" of the platform over one table: each region its own gateway, functions, Redis and queues, as
 * in AWS; both on one dynalite, which is a global table whose replication has no lag. Each region is told which
 * region is the engine ({@code nija.engine-region}) and where its API is ({@code nija.engine-api-url}), as the CDK
 * app tells each region's functions. Both share one signing key, as every AWS region trusts the one user pool.
 *
 * <p>{@link #restart} redeploys one region with a new engine region: how the engine-role switch reaches a region.
 */
public final class TwoRegions implements AutoCloseable {
    public static final String EAST = "us-east-1";
    public static final String WEST = "us-west-2";

    private final LocalPlatform shared;
    private final DynaliteServer table;
    private final Path home;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, LocalPlatform> regions = new LinkedHashMap<>();

    private TwoRegions(LocalPlatform shared, DynaliteServer table, Path home) {
        this.shared = shared;
        this.table = table;
        this.home = home;
    }

    /** Both regions, each told that {@code engine} is the engine region. Skips the test on a deployed stack. */
    public static TwoRegions start(ApiTarget sharedTarget, String engine) {
        LocalPlatform shared = sharedTarget.platform("two local regions over one table");
        DynaliteServer table = DynaliteServer.start(FreePort.find());
        TwoRegions two;
        try {
            two = new TwoRegions(shared, table, Files.createTempDirectory("nija-it-regions-"));
        } catch (IOException e) {
            table.close();
            throw new UncheckedIOException(e);
        }
        try {
            for (String region : List.of(EAST, WEST)) two.ports.put(region, FreePort.find());
            for (String region : List.of(EAST, WEST)) two.regions.put(region, two.startRegion(region, engine));
            return two;
        } catch (RuntimeException | LinkageError e) {
            two.close();
            throw e;
        }
    }

    /** Stops {@code region} and starts it again (same port, same table) knowing {@code engine} as the engine region. */
    public void restart(String region, String engine) {
        LocalPlatform old = regions.remove(region);
        if (old != null) old.close();
        regions.put(region, startRegion(region, engine));
    }

    public LocalPlatform platform(String region) {
        return regions.get(region);
    }

    public Api api(String region) {
        return new Api("http://127.0.0.1:" + ports.get(region));
    }

    /** A trader seen for the first time, calling {@code region}. */
    public Trader newTrader(String region, String purpose) {
        String id = ApiTarget.newTraderId(purpose);
        return new Trader(api(region), id, platform(region).tokens().issue(id, List.of(), java.time.Duration.ofHours(2)));
    }

    private LocalPlatform startRegion(String region, String engine) {
        Map<String, Object> overrides = Map.of(
                "nija.dynamodb-endpoint", table.endpoint().toString(),
                "nija.region", region,
                "nija.engine-region", engine,
                "nija.engine-api-url", "http://127.0.0.1:" + ports.get(engine));
        long started = System.nanoTime();
        LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Options(ports.get(region), false, null, home,
                ItPlatforms.options(overrides)));
        System.out.printf("[it] region %s (engine %s) ready on %s in %d ms%n", region, engine, platform.baseUrl(),
                (System.nanoTime() - started) / 1_000_000);
        return platform;
    }

    @Override
    public void close() {
        try {
            for (LocalPlatform p : regions.values()) p.close();
        } finally {
            table.close();
            Telemetry.useSink(shared.metrics());
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("[it] could not delete " + home + ": " + e.getMessage());
            }
        }
    }
}
