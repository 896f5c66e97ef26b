package com.nija.shared.marketdata;

import com.nija.shared.data.CandleDayItem;
import com.nija.shared.data.RecordTableSchema;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Stored closed candles: one item per market, interval and UTC day ({@link CandleDayItem}), merged by open time so
 * storing the same bar twice (an ingest re-run, overlapping fetches) changes nothing. Writes are optimistic (the item's
 * version): two writers of one day re-read and merge instead of losing bars. TTL removes old days (see
 * {@link CandleInterval} for each interval's retention); reads ignore days already past it, since DynamoDB deletes
 * expired items only eventually and dynalite never does.
 */
@Singleton
public class CandleRepository {
    private static final int WRITE_ATTEMPTS = 3;

    private final DynamoDbTable<CandleDayItem> days;
    private final Clock clock;

    public CandleRepository(TradingTables tables, Clock clock) {
        this.days = tables.enhanced().table(tables.name(), RecordTableSchema.of(CandleDayItem.class, Tables.TRADING));
        this.clock = clock;
    }

    /** Stores {@code candles} of one market and interval; returns how many were not stored before. */
    public int store(String symbol, CandleInterval interval, Collection<Candle> candles) {
        Map<LocalDate, List<Candle>> byDay = candles.stream().collect(Collectors.groupingBy(
                c -> LocalDate.ofInstant(c.openTime(), ZoneOffset.UTC), TreeMap::new, Collectors.toList()));
        int added = 0;
        for (Map.Entry<LocalDate, List<Candle>> day : byDay.entrySet()) {
            added += storeDay(symbol, interval, day.getKey(), day.getValue());
        }
        return added;
    }

    private int storeDay(String symbol, CandleInterval interval, LocalDate day, List<Candle> candles) {
        for (int attempt = 1; ; attempt++) {
            CandleDayItem stored = days.getItem(Key.builder().partitionValue(pk(symbol, interval))
                    .sortValue(sk(day)).build());
            TreeMap<Instant, Candle> merged = new TreeMap<>();
            if (stored != null) decode(stored.candles()).forEach(c -> merged.put(c.openTime(), c));
            int before = merged.size();
            candles.forEach(c -> merged.put(c.openTime(), c));
            int added = merged.size() - before;
            if (stored != null && added == 0 && candles.stream().allMatch(c -> c.equals(merged.get(c.openTime())))) {
                return 0;
            }
            long expiresAt = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(interval.retention())
                    .getEpochSecond();
            CandleDayItem item = new CandleDayItem(pk(symbol, interval), sk(day), symbol, interval.code(),
                    day.toString(), encode(merged.values()), merged.size(), clock.instant(), expiresAt,
                    stored == null ? null : stored.version());
            try {
                days.putItem(item);
                return added;
            } catch (ConditionalCheckFailedException raced) {
                if (attempt >= WRITE_ATTEMPTS) throw raced;
            }
        }
    }

    /** Stored candles opened in [from, to), oldest first. */
    public List<Candle> range(String symbol, CandleInterval interval, Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        long now = clock.instant().getEpochSecond();
        List<Candle> out = new ArrayList<>();
        days.query(r -> r.queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(pk(symbol, interval)).sortValue(sk(first)).build(),
                        Key.builder().partitionValue(pk(symbol, interval)).sortValue(sk(last)).build())))
                .items().stream().filter(d -> d.expiresAt() == null || d.expiresAt() > now)
                .forEach(d -> decode(d.candles()).stream()
                        .filter(c -> !c.openTime().isBefore(from) && c.openTime().isBefore(to)).forEach(out::add));
        return out;
    }

    /** The newest {@code count} stored candles opened before {@code before}, oldest first (fewer if fewer are stored). */
    public List<Candle> latest(String symbol, CandleInterval interval, int count, Instant before) {
        long perDay = java.time.Duration.ofDays(1).dividedBy(interval.length());
        long daysBack = count / perDay + 1;
        Instant from = before.minus(java.time.Duration.ofDays(daysBack)).atZone(ZoneOffset.UTC).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Candle> all = range(symbol, interval, from, before);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    static String pk(String symbol, CandleInterval interval) {
        return "CANDLES#" + symbol + "#" + interval.code();
    }

    private static String sk(LocalDate day) {
        return "DAY#" + day;
    }

    static String encode(Collection<Candle> candles) {
        StringBuilder out = new StringBuilder(candles.size() * 64);
        for (Candle c : candles) {
            out.append(c.openTime().getEpochSecond()).append(',').append(c.open().toPlainString()).append(',')
                    .append(c.high().toPlainString()).append(',').append(c.low().toPlainString()).append(',')
                    .append(c.close().toPlainString()).append(',').append(c.volume().toPlainString()).append('\n');
        }
        return out.toString();
    }

    static List<Candle> decode(String text) {
        List<Candle> out = new ArrayList<>();
        if (text == null) return out;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            String[] f = line.split(",");
            out.add(new Candle(Instant.ofEpochSecond(Long.parseLong(f[0])), new BigDecimal(f[1]), new BigDecimal(f[2]),
                    new BigDecimal(f[3]), new BigDecimal(f[4]), new BigDecimal(f[5])));
        }
        return out;
    }
}
