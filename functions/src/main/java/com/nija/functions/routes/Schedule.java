package com.nija.functions.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A function run on a timer rather than by a request or a queue: the single definition the CDK app (EventBridge
 * Scheduler) and the local platform (its schedule runner and {@code invoke}) read. The function receives an
 * EventBridge-shaped {@code ScheduledEvent} either way.
 *
 * @param function  short function name
 * @param handler   the Lambda handler class
 * @param every     the interval between runs (a whole number of minutes: EventBridge's smallest unit)
 * @param offset    empty: every {@code every} from deployment ({@code rate}); present: this far past each multiple of
 *                  {@code every} in UTC ({@code cron}), for runs tied to candle closes
 * @param placement which regions run it
 * @param retried   whether a failed run is run again (EventBridge's delivery retries and Lambda's two asynchronous
 *                  retries); false turns both off
 */
public record Schedule(String function, Class<?> handler, Duration every, Optional<Duration> offset,
                       Placement placement, boolean retried) {

    /** Where a schedule fires. Its function is deployed in every engine-role region either way. */
    public enum Placement {
        /** Every region whose role runs the engine (primary, full). */
        ENGINE_ROLE_REGIONS,
        /** Only the region currently acting as the engine ({@code engineRegion}): never twice for the same run. */
        ENGINE_REGION
    }

    public Schedule {
        Objects.requireNonNull(function);
        Objects.requireNonNull(handler);
        Objects.requireNonNull(placement);
        if (!wholeMinutes(every) || every.toMinutes() < 1) {
            throw new IllegalArgumentException(function + ": a schedule runs every whole number of minutes");
        }
        offset.ifPresent(o -> {
            // A cron minute field can only step through one hour: the period must divide it.
            if (every.toMinutes() > 60 || 60 % every.toMinutes() != 0) {
                throw new IllegalArgumentException(function + ": an aligned schedule's period must divide an hour");
            }
            if (!wholeMinutes(o) || o.isNegative() || o.compareTo(every) >= 0) {
                throw new IllegalArgumentException(function + ": the offset is whole minutes within one period");
            }
        });
    }

    /** Every {@code every} from deployment, in every engine-role region, retried on failure. */
    public static Schedule every(String function, Class<?> handler, Duration every) {
        return new Schedule(function, handler, every, Optional.empty(), Placement.ENGINE_ROLE_REGIONS, true);
    }

    /** The same, run {@code offset} past each multiple of the period in UTC instead. */
    public Schedule at(Duration offset) {
        return new Schedule(function, handler, every, Optional.of(offset), placement, retried);
    }

    public Schedule in(Placement where) {
        return new Schedule(function, handler, every, offset, where, retried);
    }

    public Schedule withoutRetries() {
        return new Schedule(function, handler, every, offset, placement, false);
    }

    /** The EventBridge schedule expression, UTC: {@code rate(5 minutes)} or {@code cron(1/5 * * * ? *)}. */
    public String expression() {
        long minutes = every.toMinutes();
        if (offset.isEmpty()) return "rate(" + minutes + (minutes == 1 ? " minute)" : " minutes)");
        long at = offset.get().toMinutes();
        return "cron(" + (minutes == 60 ? Long.toString(at) : at + "/" + minutes) + " * * * ? *)";
    }

    /** When the first run after {@code start} is due: one period later, or the next aligned minute. */
    public Instant firstRunAfter(Instant start) {
        if (offset.isEmpty()) return start.plus(every);
        long period = every.getSeconds();
        long shift = offset.get().getSeconds();
        long next = Math.floorDiv(start.getEpochSecond() - shift, period) * period + shift + period;
        return Instant.ofEpochSecond(next);
    }

    private static boolean wholeMinutes(Duration d) {
        return d.equals(Duration.ofMinutes(d.toMinutes()));
    }
}
