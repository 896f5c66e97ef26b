package com.nija.shared.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;

/** Key formats of the trading table, in one place so readers and writers can't drift apart. */
public final class Keys {
    public static final String PROFILE = "PROFILE";
    public static final String SETTINGS = "SETTINGS";
    public static final String POSITION_PREFIX = "POS#";
    public static final String TRADE_PREFIX = "TRADE#";
    public static final String ROLLUP_PREFIX = "ROLLUP#";
    public static final String LATEST = "LATEST";
    public static final String ORDER_PREFIX = "ORDER#";
    public static final String CONTROL = "CONTROL";
    public static final String KILL_SWITCH = "KILL_SWITCH";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private Keys() {}

    public static String user(String userId) {
        return "USER#" + userId;
    }

    public static String position(String positionId) {
        return POSITION_PREFIX + positionId;
    }

    /** Trades sort by execution time (zero-padded millis) so a descending query is newest first. */
    public static String trade(Instant executedAt, String tradeId) {
        return TRADE_PREFIX + String.format("%013d", executedAt.toEpochMilli()) + "#" + tradeId;
    }

    public static String order(String orderId) {
        return ORDER_PREFIX + orderId;
    }

    public static String signal(String signalId) {
        return "SIGNAL#" + signalId;
    }

    public static String source(String sourceId) {
        return "SOURCE#" + sourceId;
    }

    public static String resting(String symbol) {
        return "RESTING#" + symbol;
    }

    public static String price(String symbol) {
        return "PRICE#" + symbol;
    }

    public static String openBySymbol(String symbol) {
        return "OPEN#" + symbol;
    }

    public static String enabledShard(String userId) {
        return "ENABLED#" + Math.floorMod(userId.hashCode(), Tables.ENABLED_SHARDS);
    }

    public static String rollup(RollupPeriod period, Instant at) {
        return ROLLUP_PREFIX + period.name() + "#" + bucket(period, at);
    }

    public static String rollupPrefix(RollupPeriod period) {
        return ROLLUP_PREFIX + period.name() + "#";
    }

    /** Bucket label of an instant: 2026-11-27T13 (hour), 2026-11-27 (day), 2026-W48 (ISO week), ALL. */
    public static String bucket(RollupPeriod period, Instant at) {
        return switch (period) {
            case HOUR -> HOUR.format(at);
            case DAY -> LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
            case WEEK -> {
                LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
                yield String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case ALL -> "ALL";
        };
    }
}
