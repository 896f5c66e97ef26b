package com.nija.it.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until what the platform does asynchronously (queues, workers) shows up, or fails saying what it last saw. */
public final class Await {
    private static final long PAUSE_MILLIS = 100;

    private Await() {}

    /** Reads {@code read} until {@code done} holds and returns that value; fails after {@code timeout}. */
    public static <T> T until(String what, Duration timeout, Supplier<T> read, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last;
        while (true) {
            last = read.get();
            if (done.test(last)) return last;
            if (System.nanoTime() > deadline) break;
            sleep(PAUSE_MILLIS);
        }
        throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + "; last saw: " + last);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
