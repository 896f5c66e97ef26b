package com.nija.shared.reconcile;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one reconciliation run did: traders looked at, venue accounts compared, drifts found, and what could not be
 * compared — a venue that did not answer, a failure of ours, a live trader without a key, traders left for the next
 * run when time ran out.
 */
public record ReconcileReport(int traders, int venuesChecked, int drifts, int venuesUnreachable, int failures,
                              int missingKeys, int tradersDeferred) {

    /** The counts of a run in progress, added to from several threads. */
    static final class Tally {
        final AtomicInteger traders = new AtomicInteger();
        final AtomicInteger venuesChecked = new AtomicInteger();
        final AtomicInteger drifts = new AtomicInteger();
        final AtomicInteger unreachable = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger missingKeys = new AtomicInteger();
        final AtomicInteger deferred = new AtomicInteger();

        ReconcileReport report() {
            return new ReconcileReport(traders.get(), venuesChecked.get(), drifts.get(), unreachable.get(),
                    failures.get(), missingKeys.get(), deferred.get());
        }
    }
}
