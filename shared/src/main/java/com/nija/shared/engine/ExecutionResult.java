package com.nija.shared.engine;

import com.nija.shared.data.OrderItem;

/**
 * The outcome of one order request. {@code retry} true means nothing was placed and the broker said so
 * (or may have, and a lookup will tell), or a live order is not settled at its venue yet: the message should be
 * delivered again ({@code order} is then the live order as recorded, or null). {@code duplicate} true means
 * the order existed before this request (a repeat, or a concurrent twin that won).
 */
public record ExecutionResult(OrderItem order, boolean retry, boolean duplicate, String note) {
    public static ExecutionResult done(OrderItem order) {
        return new ExecutionResult(order, false, false, null);
    }

    public static ExecutionResult duplicateOf(ExecutionResult first) {
        return new ExecutionResult(first.order(), first.retry(), true, first.note());
    }

    public static ExecutionResult retryLater(String why) {
        return new ExecutionResult(null, true, false, why);
    }

    /** A live order recorded but not settled at its venue yet (sent with no answer, resting, being placed). */
    public static ExecutionResult pending(OrderItem order, String why) {
        return new ExecutionResult(order, true, false, why);
    }
}
