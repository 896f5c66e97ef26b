package com.nija.shared.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Longer candles made of shorter ones, as venues make them: for a source that has only the shorter ones. */
public final class CandleBuckets {
    private CandleBuckets() {}

    /**
     * {@code bars} (consecutive, oldest first) combined into {@code interval} candles: open of the first, high/low of
     * all, close of the last, summed volume. Only complete buckets are returned (a bucket missing a bar is left out).
     */
    public static List<Candle> aggregate(List<Candle> bars, CandleInterval from, CandleInterval interval) {
        long per = interval.length().dividedBy(from.length());
        List<Candle> out = new ArrayList<>();
        List<Candle> bucket = new ArrayList<>();
        Instant bucketOpen = null;
        for (Candle bar : bars) {
            Instant open = interval.openOf(bar.openTime());
            if (!open.equals(bucketOpen)) {
                if (bucket.size() == per) out.add(combine(bucketOpen, bucket));
                bucket.clear();
                bucketOpen = open;
            }
            bucket.add(bar);
        }
        if (bucket.size() == per) out.add(combine(bucketOpen, bucket));
        return out;
    }

    private static Candle combine(Instant open, List<Candle> bucket) {
        BigDecimal high = bucket.get(0).high();
        BigDecimal low = bucket.get(0).low();
        BigDecimal volume = BigDecimal.ZERO;
        for (Candle c : bucket) {
            high = high.max(c.high());
            low = low.min(c.low());
            volume = volume.add(c.volume());
        }
        return new Candle(open, bucket.get(0).open(), high, low, bucket.get(bucket.size() - 1).close(), volume);
    }

}
