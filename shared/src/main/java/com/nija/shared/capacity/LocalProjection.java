package com.nija.shared.capacity;

/**
 * The same path projected onto the local platform's parameters, to check the model against what
 * {@code bench signals} measured (docs/PERFORMANCE.md). Locally two things bound a fan-out, both measured apart:
 * ElasticMQ's FIFO enqueue + receive of n messages in n groups (measured with ElasticMQ alone at 100 and 1,000
 * groups, interpolated linearly between them and beyond), and dynalite's calls per second for the executor's
 * DynamoDB calls. They overlap in time, so the projection is a range: at best the slower of the two, at worst their
 * sum.
 */
public final class LocalProjection {
    /** One projection beside the measurement it is checked against. */
    public record Check(int followers, double queueMs, double dynamoMs, double measuredMs) {
        public double lowMs() {
            return Math.max(queueMs, dynamoMs);
        }

        public double highMs() {
            return queueMs + dynamoMs;
        }

        /** Within the range, widened by {@code tolerance} (0.25 = 25%) either side for the machine's load. */
        public boolean agrees(double tolerance) {
            return measuredMs >= lowMs() * (1 - tolerance) && measuredMs <= highMs() * (1 + tolerance);
        }
    }

    private final CitedFigures measured;

    public LocalProjection(CitedFigures measured) {
        this.measured = measured;
    }

    public double queueMs(int followers) {
        double at100 = measured.value("local.elasticmq-100-groups-ms");
        double at1000 = measured.value("local.elasticmq-1000-groups-ms");
        return Math.max(0, at100 + (followers - 100) * (at1000 - at100) / 900);
    }

    public double dynamoMs(int followers) {
        return followers * measured.value("order.dynamodb-calls-open") * 1000 / measured.value("local.dynalite-calls-per-second");
    }

    /** The checks docs/PERFORMANCE.md has measurements for: 100 and 1,000 followers. */
    public java.util.List<Check> checks() {
        return java.util.List.of(check(100, measured.value("local.measured-100-traders-ms")),
                check(1000, measured.value("local.measured-1000-traders-ms")));
    }

    public Check check(int followers, double measuredMs) {
        return new Check(followers, queueMs(followers), dynamoMs(followers), measuredMs);
    }
}
