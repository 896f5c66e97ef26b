package com.nija.shared.observability;

import java.util.function.Supplier;

/**
 * A request that must leave no trace: SnapStart priming runs each handler's real read path before the checkpoint,
 * and while it runs caches are read but not filled and metrics are not published. Handlers' priming requests are
 * read-only or refused before any write, so DynamoDB needs no such guard.
 */
public final class DryRun {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private DryRun() {}

    /** Runs {@code work} on this thread as a dry run. */
    public static <T> T run(Supplier<T> work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    /** True inside {@link #run}, on its thread. */
    public static boolean active() {
        return ACTIVE.get();
    }
}
