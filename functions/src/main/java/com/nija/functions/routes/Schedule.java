package com.nija.functions.routes;

import java.time.Duration;
import java.util.Objects;

/**
 * A function run on a timer (an EventBridge schedule in AWS) rather than by a request or a queue: the single
 * definition the CDK app and the local platform read. Like queue workers, it runs in engine regions only.
 *
 * @param function short function name
 * @param handler  the Lambda handler class
 * @param every    the interval between runs (a whole number of minutes: EventBridge's rate unit)
 */
public record Schedule(String function, Class<?> handler, Duration every) {
    public Schedule {
        Objects.requireNonNull(function);
        Objects.requireNonNull(handler);
        if (every.toMinutes() < 1 || !every.equals(Duration.ofMinutes(every.toMinutes()))) {
            throw new IllegalArgumentException(function + ": a schedule runs every whole number of minutes");
        }
    }
}
