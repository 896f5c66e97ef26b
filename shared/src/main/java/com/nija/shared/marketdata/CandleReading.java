package com.nija.shared.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.trading.Decimals;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** What every venue's candle reader shares: reading numbers and times strictly, and keeping only closed candles. */
final class CandleReading {
    private CandleReading() {}

    static BigDecimal decimal(JsonNode node, String venue, String field) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            throw new MarketDataException(venue + " candle: " + field + " is missing or not a number");
        }
        return Decimals.read(node).orElseThrow(() -> new MarketDataException(venue + " candle: " + field
                + " is not a decimal number"));
    }

    /** Epoch seconds (or, with {@code millis}, milliseconds) given as a whole number or a string of digits. */
    static Instant time(JsonNode node, String venue, boolean millis) {
        long value;
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) value = node.longValue();
        else if (node != null && node.isTextual() && node.textValue().matches("\\d{1,15}")) {
            value = Long.parseLong(node.textValue());
        } else {
            throw new MarketDataException(venue + " candle: time is missing or not whole " + (millis ? "ms" : "s"));
        }
        try {
            return millis ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        } catch (DateTimeException e) {
            throw new MarketDataException(venue + " candle: time is out of range");
        }
    }

    static Candle candle(String venue, Instant open, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c,
                         BigDecimal v) {
        try {
            return new Candle(open, o, h, l, c, v);
        } catch (IllegalArgumentException e) {
            throw new MarketDataException(venue + " candle at " + open + ": " + e.getMessage());
        }
    }

    /**
     * The candles opened in [from, to) that have closed by {@code now}, oldest first, one per open time (a venue that
     * repeats a bar repeats the same bar; the later copy wins). A bar off the interval's grid is refused.
     */
    static List<Candle> closed(Collection<Candle> candles, CandleInterval interval, Instant from, Instant to,
                               Instant now, String venue) {
        TreeMap<Instant, Candle> byOpen = new TreeMap<>();
        for (Candle candle : candles) {
            if (!interval.isBoundary(candle.openTime())) {
                throw new MarketDataException(venue + " candle at " + candle.openTime() + " is not on the "
                        + interval.code() + " grid");
            }
            boolean inRange = !candle.openTime().isBefore(from) && candle.openTime().isBefore(to);
            if (inRange && !candle.closeTime(interval).isAfter(now)) byOpen.put(candle.openTime(), candle);
        }
        List<Candle> sorted = new ArrayList<>(byOpen.values());
        sorted.sort(Comparator.comparing(Candle::openTime));
        return sorted;
    }
}
