package com.nija.local.capacity;

import com.nija.local.Arguments;
import com.nija.shared.capacity.CapacityModel;
import com.nija.shared.capacity.CapacityReport;
import com.nija.shared.capacity.CitedFigures;
import com.nija.shared.capacity.LocalProjection;
import com.nija.shared.capacity.Workload;
import java.io.PrintStream;

/**
 * {@code capacity --traders 10000 [--signals-per-hour 12] [--followers-per-signal N] [--reads-per-hour 6]
 * [--connected 0.25] [--memory 1024]}: prints {@link CapacityModel}'s projection for AWS and its check against the
 * local benchmarks.
 */
public final class CapacityCommand {
    private CapacityCommand() {}

    public static int run(Arguments a, PrintStream out) {
        Workload w = workload(a);
        CitedFigures aws = CitedFigures.resource("aws-quotas.json");
        CitedFigures measured = CitedFigures.resource("measured-costs.json");
        CapacityModel model = new CapacityModel(aws, measured, a.intValue("--memory", 1024));
        CapacityReport r = model.project(w);
        out.printf("NIJA capacity model for AWS (quotas %s, measured costs %s)%n", aws.version(), measured.version());
        out.printf("workload: %,d traders, %.1f signals/h to %,d followers each (%.2f orders/s on average), %.1f reads "
                        + "per trader per hour, %.0f%% connected (%,.0f WebSockets)%n%n", w.traders(), w.signalsPerHour(),
                w.followersPerSignal(), w.ordersPerSecond(), w.readsPerTraderPerHour(), w.connectedShare() * 100,
                w.connections());
        out.printf("signal → order, target p99 ≤ %,.0f ms (blueprint)%n", r.targetMs());
        out.printf("  one order in the executor (%d MB): %.1f ms; signal to all %,d orders queued: %.0f ms%n",
                model.path().executorMemoryMb(), r.orderServiceMs(), w.followersPerSignal(),
                model.path().enqueuedMs(w.followersPerSignal()));
        out.printf("  the CDK app's default executor concurrency %d (executor-concurrency.json): p99 %,.0f ms — %s%n",
                r.currentConcurrency(), r.p99AtCurrentMs(),
                r.p99AtCurrentMs() <= r.targetMs() ? "meets the target" : "MISSES the target");
        if (r.recommendedConcurrency().isPresent()) {
            int c = r.recommendedConcurrency().getAsInt();
            out.printf("  recommended: executor event-source maximum concurrency %d, reserved concurrency %d"
                    + ": p99 %,.0f ms%n", c, c, r.p99AtRecommendedMs());
            // One context value sets both: the event source's maximum and the function's reservation (RegionalStack).
            out.printf(c == r.currentConcurrency() ? "  apply: nothing, the CDK app deploys it by default%n%n"
                    : "  apply: cdk deploy -c executorConcurrency=%d%n%n", c);
        } else {
            out.printf("  no executor concurrency up to the AWS maximum meets the target: fewer followers per signal, "
                    + "less memory-bound CPU or a faster path are needed%n%n");
        }
        out.println("Lambda concurrency per function (average = arrivals/s × duration; peak = busiest minute, executor = its burst)");
        out.printf("  %-52s %12s %10s %9s %7s%n", "function", "invocations/s", "duration", "average", "peak");
        for (CapacityReport.FunctionLoad f : r.functions()) {
            out.printf("  %-52s %12.3f %7.1f ms %9.2f %7.0f%n", f.function(), f.invocationsPerSecond(), f.durationMs(),
                    f.average(), f.peak());
        }
        out.println();
        out.println("Limits, the one met first at the top");
        out.printf("  %-86s %12s %10s %6s  %s%n", "limit", "needed", "quota", "use", "");
        for (CapacityReport.LimitCheck l : r.limits()) {
            out.printf("  %-86s %12s %10s %5.0f%%  %s%n", l.limit(), fmt(l.needed()), fmt(l.quota()),
                    l.utilization() * 100, l.exceeded() ? "EXCEEDED (" + l.unit() + ")" : l.unit());
        }
        out.println();
        out.println("Validation against the local platform (bench signals, docs/PERFORMANCE.md; ElasticMQ and dynalite "
                + "measured apart)");
        for (LocalProjection.Check c : new LocalProjection(measured).checks()) {
            out.printf("  %,5d followers: projected %,.0f–%,.0f ms (ElasticMQ %,.0f ms, dynalite %,.0f ms), measured "
                            + "%,.0f ms — %s%n", c.followers(), c.lowMs(), c.highMs(), c.queueMs(), c.dynamoMs(),
                    c.measuredMs(), c.agrees(0.25) ? "agrees (±25%)" : "DISAGREES");
        }
        out.println();
        out.println("Sources: shared/src/main/resources/nija/capacity/aws-quotas.json and measured-costs.json (each "
                + "figure with its AWS page or PERFORMANCE.md section); figures marked assumption there have no "
                + "published number.");
        return 0;
    }

    static Workload workload(Arguments a) {
        return workload(a, a.intValue("--traders", 10_000));
    }

    /** The workload for {@code traders}, defaults ({@link Workload#defaults}) replaced by the options given. */
    static Workload workload(Arguments a, int traders) {
        Workload d = Workload.defaults(traders);
        return new Workload(traders, a.doubleValue("--signals-per-hour", d.signalsPerHour()),
                a.intValue("--followers-per-signal", d.followersPerSignal()),
                a.doubleValue("--reads-per-hour", d.readsPerTraderPerHour()),
                a.doubleValue("--settings-saves-per-day", d.settingsSavesPerTraderPerDay()),
                a.doubleValue("--connected", d.connectedShare()),
                a.doubleValue("--price-batches-per-minute", d.priceBatchesPerMinute()),
                a.doubleValue("--webhooks-per-month", d.webhooksPerTraderPerMonth()));
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
    }
}
