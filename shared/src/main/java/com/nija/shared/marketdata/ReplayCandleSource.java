package com.nija.shared.marketdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Candle files played back as if a venue were publishing them now: the local demo's market-data source (no internet).
 * The files' times are shifted by a whole number of hours, once, so that {@code warmup} past the earliest file's first
 * candle falls in the current hour of {@code clock}: the first ingest finds that much history already closed (APEX's
 * warm-up), and from then on each candle closes when the clock passes its shifted close. Run on the demo's
 * {@link com.nija.shared.config.ScaledClock} this plays the files at the clock's speed; a whole-hour shift keeps every
 * interval's boundaries where the venues have them. An interval without a file of its own is made from the market's
 * 1m file ({@link CandleBuckets}). After the files' last candle nothing new closes.
 */
public final class ReplayCandleSource implements MarketDataSource {
    public static final String NAME = "replay";

    private final Path dir;
    private final Duration shift;
    private final Map<String, List<Candle>> loaded = new ConcurrentHashMap<>();

    public ReplayCandleSource(Path dir, Clock clock, Duration warmup) {
        this.dir = dir;
        Instant first = earliestCandle(dir).orElseThrow(
                () -> new MarketDataException("no candle files (<SYMBOL>-<interval>.csv) in " + dir));
        long hours = Math.floorDiv(Duration.between(first.plus(warmup), clock.instant()).toSeconds(), 3600);
        this.shift = Duration.ofHours(hours);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** How far the files' times are moved forward. */
    public Duration shift() {
        return shift;
    }

    @Override
    public List<Candle> closedCandles(String symbol, CandleInterval interval, Instant from, Instant to, Instant now) {
        List<Candle> all = loaded.computeIfAbsent(symbol + "-" + interval.code(), k -> load(symbol, interval));
        List<Candle> out = new ArrayList<>();
        for (int i = firstAtOrAfter(all, from); i < all.size(); i++) {
            Candle c = all.get(i);
            if (!c.openTime().isBefore(to) || c.closeTime(interval).isAfter(now)) break;
            out.add(c);
        }
        return out;
    }

    private List<Candle> load(String symbol, CandleInterval interval) {
        Path file = CandleFiles.forSymbol(dir, symbol, interval);
        List<Candle> candles;
        if (Files.exists(file)) {
            candles = CandleFiles.read(file);
        } else {
            Path minutes = CandleFiles.forSymbol(dir, symbol, CandleInterval.ONE_MINUTE);
            if (!Files.exists(minutes)) throw new MarketDataException("no candle file for " + symbol + " in " + dir);
            candles = CandleBuckets.aggregate(CandleFiles.read(minutes), CandleInterval.ONE_MINUTE, interval);
        }
        return candles.stream().map(c -> new Candle(c.openTime().plus(shift), c.open(), c.high(), c.low(), c.close(),
                c.volume())).toList();
    }

    private static int firstAtOrAfter(List<Candle> candles, Instant from) {
        int low = 0;
        int high = candles.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (candles.get(mid).openTime().isBefore(from)) low = mid + 1; else high = mid;
        }
        return low;
    }

    private static Optional<Instant> earliestCandle(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().map(f -> {
                try (Stream<Candle> candles = CandleFiles.stream(f)) {
                    return candles.findFirst().map(Candle::openTime);
                }
            }).flatMap(Optional::stream).min(Instant::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException("candle directory " + dir + " not readable", e);
        }
    }
}
