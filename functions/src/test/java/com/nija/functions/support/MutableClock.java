package com.nija.functions.support;

import com.nija.shared.testing.HandMovedClock;
import java.time.Instant;

/** A clock a test moves by hand (the shared tests' {@link HandMovedClock}, under the name handler tests know). */
public final class MutableClock extends HandMovedClock {
    public MutableClock(Instant start) {
        super(start);
    }
}
