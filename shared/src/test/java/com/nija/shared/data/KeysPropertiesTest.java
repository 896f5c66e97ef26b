package com.nija.shared.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Key ordering over arbitrary times")
class KeysPropertiesTest {
    /** Epoch millis stay 13 digits until 2286-11-20; the zero padding holds from the epoch to then. */
    private static final long LAST_13_DIGIT_MILLI = 9_999_999_999_999L;

    @Property(tries = 1000)
    @Label("an earlier trade always sorts before a later one, whatever their ids")
    void tradesSortByTime(@ForAll("millis") long a, @ForAll("millis") long b,
                          @ForAll("tradeIds") String idA, @ForAll("tradeIds") String idB) {
        long t1 = Math.min(a, b);
        long t2 = Math.max(a, b);
        net.jqwik.api.Assume.that(t1 < t2);

        String earlier = Keys.trade(Instant.ofEpochMilli(t1), idA);
        String later = Keys.trade(Instant.ofEpochMilli(t2), idB);

        assertThat(earlier).isLessThan(later);
    }

    @Property(tries = 300)
    @Label("hour, day and week buckets sort in time order")
    void bucketsSortByTime(@ForAll("millis") long a, @ForAll("millis") long b) {
        Instant t1 = Instant.ofEpochMilli(Math.min(a, b));
        Instant t2 = Instant.ofEpochMilli(Math.max(a, b));

        for (RollupPeriod period : new RollupPeriod[] {RollupPeriod.HOUR, RollupPeriod.DAY, RollupPeriod.WEEK}) {
            assertThat(Keys.bucket(period, t1)).as(period.name()).isLessThanOrEqualTo(Keys.bucket(period, t2));
            assertThat(Keys.rollup(period, t1)).as(period.name()).isLessThanOrEqualTo(Keys.rollup(period, t2));
        }
    }

    @Property(tries = 300)
    @Label("every trader lands in one of the 16 enabled-trader shards, always the same one")
    void enabledShardInRange(@ForAll String userId) {
        String shard = Keys.enabledShard(userId);

        assertThat(shard).matches("ENABLED#([0-9]|1[0-5])");
        assertThat(Keys.enabledShard(userId)).isEqualTo(shard);
    }

    @Provide
    Arbitrary<Long> millis() {
        return Arbitraries.longs().between(0, LAST_13_DIGIT_MILLI);
    }

    @Provide
    Arbitrary<String> tradeIds() {
        return Arbitraries.strings().ascii().ofMaxLength(36);
    }
}
