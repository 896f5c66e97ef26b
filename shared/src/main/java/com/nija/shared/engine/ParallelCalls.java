package com.nija.shared.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Independent DynamoDB calls of one order (or of one price batch), side by side: the latency is then the longest
 * call, not their sum.
 * Only for calls that are each idempotent and need no other's result (a crash between them is repaired by the
 * retry, whichever finished). The pool is shared and bounded; callers wait, pooled tasks never do.
 */
public final class ParallelCalls {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(32, r -> {
        Thread t = new Thread(r, "engine-io");
        t.setDaemon(true);
        return t;
    });

    private ParallelCalls() {}

    public static <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, POOL);
    }

    /** Runs every call, the first on this thread, and returns when all are done; rethrows the first failure. */
    public static void all(List<Runnable> calls) {
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (Runnable call : calls.subList(1, calls.size())) others.add(CompletableFuture.runAsync(call, POOL));
        RuntimeException failure = null;
        try {
            calls.get(0).run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Void> f : others) {
            try {
                join(f);
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
            }
        }
        if (failure != null) throw failure;
    }

    /** The result, or the call's own exception (not wrapped in a CompletionException). */
    public static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
