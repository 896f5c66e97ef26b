package com.nija.shared.config;

import io.micronaut.crac.OrderedResource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.crac.Context;
import org.crac.Resource;

/**
 * Random spread for retry delays. {@code ThreadLocalRandom} (or any generator seeded during init) is part of the
 * SnapStart snapshot, so every restored copy of a function would draw the same "random" delays and retry in lockstep;
 * this generator is seeded on first use and seeded again after each restore, from fresh entropy.
 */
@Singleton
public class Jitter implements OrderedResource {
    private final LongSupplier entropy;
    private SplittableRandom generator;

    @Inject
    public Jitter() {
        this(() -> new SecureRandom().nextLong()); // a new SecureRandom seeds itself from the OS when created
    }

    /** @param entropy a fresh seed per call (the OS's entropy in production; fixed values in tests) */
    public Jitter(LongSupplier entropy) {
        this.entropy = entropy;
    }

    /** A uniformly random value in {@code [0, bound]}. */
    public synchronized long upTo(long bound) {
        if (generator == null) generator = new SplittableRandom(entropy.getAsLong());
        return generator.nextLong(bound + 1);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // the next draw before the checkpoint, if any, still uses the current seed; restore reseeds
    }

    @Override
    public synchronized void afterRestore(Context<? extends Resource> context) {
        generator = new SplittableRandom(entropy.getAsLong());
    }

    @Override
    public int getOrder() {
        return CheckpointOrder.RANDOMNESS;
    }
}
