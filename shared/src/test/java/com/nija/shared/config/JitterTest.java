package com.nija.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Restored SnapStart copies share the snapshot's generator state; only the entropy read after restore tells them
 * apart. Each "copy" here gets the same seed before the checkpoint and its own one after restore, as the OS gives
 * each restored copy its own.
 */
class JitterTest {
    private static final long SNAPSHOT_SEED = 42;

    /** A copy of the function: the snapshot's seed first, then {@code restoreSeed} when restored. */
    private static Jitter copy(long restoreSeed) {
        PrimitiveIterator.OfLong seeds = LongStream.of(SNAPSHOT_SEED, restoreSeed).iterator();
        return new Jitter(seeds::nextLong);
    }

    private static List<Long> draws(Jitter jitter) {
        return LongStream.range(0, 8).map(i -> jitter.upTo(1_000)).boxed().toList();
    }

    @Test
    @DisplayName("two copies restored from one snapshot draw different delays once restored, though they drew the same before")
    void restoredCopiesDiffer() {
        Jitter first = copy(1);
        Jitter second = copy(2);
        assertThat(draws(first)).as("before the checkpoint, from the same snapshot state").isEqualTo(draws(second));

        first.afterRestore(null);
        second.afterRestore(null);

        assertThat(draws(first)).isNotEqualTo(draws(second));
    }

    @Test
    @DisplayName("without the restore hook both copies would keep drawing the same delays")
    void withoutRestoreCopiesAgree() {
        Jitter first = copy(1);
        Jitter second = copy(2);
        draws(first);
        draws(second);

        assertThat(draws(first)).isEqualTo(draws(second));
    }

    @Test
    @DisplayName("draws stay within 0 and the bound, both ends included")
    void bounds() {
        Jitter jitter = copy(1);

        assertThat(LongStream.range(0, 200).map(i -> jitter.upTo(3))).allMatch(v -> v >= 0 && v <= 3).contains(0L, 3L);
    }
}
