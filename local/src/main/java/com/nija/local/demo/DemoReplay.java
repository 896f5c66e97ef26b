package com.nija.local.demo;

import com.nija.shared.config.ReplayClockFactory;
import com.nija.shared.marketdata.MarketDataFactory;
import com.nija.shared.marketdata.SyntheticCandles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo's market: candle files replayed at {@code speed} times real time through the same candle ingest and
 * APEX scan that run in AWS (their schedules follow the fast clock), so {@code up --demo} trades by itself. The files
 * are {@code --replay-data DIR}, else the repository's committed {@code events/market/} when run from the repository,
 * else the same files generated from {@link SyntheticCandles}' documented seed into a temporary directory.
 */
public final class DemoReplay {
    public static final long DEFAULT_SPEED = 60;
    static final Path COMMITTED = Path.of("events", "market");

    private DemoReplay() {}

    /** The platform configuration that replays {@code dir} at {@code speed}. */
    public static Map<String, Object> overrides(Path dir, long speed) {
        if (speed < 1) throw new IllegalArgumentException("--replay-speed must be at least 1, got " + speed);
        return Map.of(MarketDataFactory.REPLAY_DIR, dir.toAbsolutePath().toString(),
                ReplayClockFactory.PROPERTY, speed);
    }

    /** {@code requested} when given, else the committed files, else freshly generated ones. */
    public static Path candles(Path requested) {
        if (requested != null) {
            if (!Files.isDirectory(requested)) {
                throw new IllegalArgumentException("--replay-data " + requested + " is not a directory");
            }
            return requested;
        }
        if (Files.isDirectory(COMMITTED)) return COMMITTED;
        try {
            Path generated = Files.createTempDirectory("nija-demo-candles-");
            SyntheticCandles.writeFiles(generated, SyntheticCandles.DEMO_MARKETS, SyntheticCandles.DEFAULT_START,
                    SyntheticCandles.DEFAULT_DAYS, SyntheticCandles.DEFAULT_SEED);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the demo's candles", e);
        }
    }
}
