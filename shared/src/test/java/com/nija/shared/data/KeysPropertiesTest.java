package com.nija.shared.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.testing.RandomCases;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Key ordering over random times (seeded)")
class KeysPropertiesTest {
    /** Epoch millis stay 13 digits until 2286-11-20; the zero padding holds from the epoch to then. */
    private static final long LAST_13_DIGIT_MILLI = 9_999_999_999_999L;
    private static final String ASCII = asciiAlphabet();

    @Test
    @DisplayName("an earlier trade always sorts before a later one, whatever their ids (seed 101, 1,000 cases)")
    void tradesSortByTime() {
        RandomCases.check(101, 1000, r -> {
            long a = r.longBetween(0, LAST_13_DIGIT_MILLI);
            long b = r.longBetween(0, LAST_13_DIGIT_MILLI);
            if (a == b) b = a == 0 ? 1 : a - 1;
            long t1 = Math.min(a, b);
            long t2 = Math.max(a, b);

            String earlier = Keys.trade(Instant.ofEpochMilli(t1), r.string(ASCII, 0, 36));
            String later = Keys.trade(Instant.ofEpochMilli(t2), r.string(ASCII, 0, 36));

            assertThat(earlier).isLessThan(later);
        });
    }

    @Test
    @DisplayName("hour, day and week buckets sort in time order (seed 102, 300 cases)")
    void bucketsSortByTime() {
        RandomCases.check(102, 300, r -> {
            long a = r.longBetween(0, LAST_13_DIGIT_MILLI);
            long b = r.longBetween(0, LAST_13_DIGIT_MILLI);
            Instant t1 = Instant.ofEpochMilli(Math.min(a, b));
            Instant t2 = Instant.ofEpochMilli(Math.max(a, b));

            for (RollupPeriod period : new RollupPeriod[] {RollupPeriod.HOUR, RollupPeriod.DAY, RollupPeriod.WEEK}) {
                assertThat(Keys.bucket(period, t1)).as(period.name()).isLessThanOrEqualTo(Keys.bucket(period, t2));
                assertThat(Keys.rollup(period, t1)).as(period.name()).isLessThanOrEqualTo(Keys.rollup(period, t2));
            }
        });
    }

    @Test
    @DisplayName("every trader lands in one of the 16 enabled-trader shards, always the same one (seed 103, 300 cases)")
    void enabledShardInRange() {
        RandomCases.check(103, 300, r -> {
            String userId = r.anyString(40);

            String shard = Keys.enabledShard(userId);

            assertThat(shard).matches("ENABLED#([0-9]|1[0-5])");
            assertThat(Keys.enabledShard(userId)).isEqualTo(shard);
        });
    }

    private static String asciiAlphabet() {
        StringBuilder s = new StringBuilder();
        for (char c = 0; c < 128; c++) s.append(c);
        return s.toString();
    }
}
