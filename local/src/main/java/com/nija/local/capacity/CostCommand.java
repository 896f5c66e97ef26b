package com.nija.local.capacity;

import com.nija.local.Arguments;
import com.nija.shared.capacity.CitedFigures;
import com.nija.shared.capacity.CostModel;
import com.nija.shared.capacity.Deployment;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code cost [--traders 1000,5000,10000,100000] [--deployment prod|prod-lean|dev]} plus the workload options of
 * {@code capacity}: a month on AWS by service for each trader count, next to the blueprint's cost table, ending with one
 * line per trader count.
 */
public final class CostCommand {
    /** SCALING_BLUEPRINT.md "Monthly Cost Breakdown (AWS)": total per month by users. */
    private static final Map<Integer, Double> BLUEPRINT = Map.of(1_000, 1_550.0, 5_000, 4_600.0, 10_000, 7_950.0);
    /** The goal at 10,000 traders. */
    private static final double GOAL_PER_TRADER = 0.25;

    private CostCommand() {}

    public static int run(Arguments a, PrintStream out) {
        List<Integer> counts = Arrays.stream((a.value("--traders") == null ? "1000,5000,10000,100000" : a.value("--traders"))
                .split(",")).map(s -> Integer.parseInt(s.trim())).toList();
        Deployment d = Deployment.named(a.value("--deployment") == null ? "prod" : a.value("--deployment"));
        CostModel model = CostModel.standard();
        List<CostModel.CostReport> reports = counts.stream()
                .map(n -> model.price(d, CapacityCommand.workload(a, n))).toList();
        CitedFigures prices = CitedFigures.resource("aws-prices-us-east-1.json");
        out.printf("NIJA on AWS, one month, deployment '%s' (%d engine + %d API regions), list prices us-east-1 of %s%n",
                d.name(), d.engineRegions(), d.apiRegions(), prices.version());
        out.printf("%-66s", "service (USD per month)");
        counts.forEach(n -> out.printf(" %14s", String.format("%,d traders", n)));
        out.println();
        for (int i = 0; i < reports.get(0).lines().size(); i++) {
            CostModel.Line first = reports.get(0).lines().get(i);
            out.printf("%-66s", first.service() + (first.fixed() ? " [fixed]" : ""));
            for (CostModel.CostReport r : reports) out.printf(" %14s", money(r.lines().get(i).monthlyUsd()));
            out.println();
        }
        row(out, "total", reports, CostModel.CostReport::total);
        row(out, "  of which fixed", reports, CostModel.CostReport::fixed);
        row(out, "per trader", reports, CostModel.CostReport::perTrader);
        out.printf("%-66s", "blueprint (EC2/RDS), per trader");
        counts.forEach(n -> out.printf(" %14s", BLUEPRINT.containsKey(n) ? money(BLUEPRINT.get(n) / n) : "—"));
        out.println();
        out.println();
        for (CostModel.CostReport r : reports) {
            if (r.fixed() > r.total() / 2) {
                out.printf("At %,d traders fixed costs are %.0f%% of the bill (cache nodes, NAT gateways, interface endpoints): "
                        + "--deployment prod-lean (1 NAT per region, ElastiCache Serverless) prices the cheaper shape "
                        + "(cdk deploy -c lean=true).%n",
                        r.workload().traders(), r.fixed() / r.total() * 100);
            }
        }
        reports.stream().filter(r -> r.workload().traders() == 10_000).findFirst().ifPresent(r -> {
            out.printf("Goal at 10,000 traders: at most $%.2f per trader per month (blueprint $0.80): %s%n",
                    GOAL_PER_TRADER, r.perTrader() <= GOAL_PER_TRADER ? "met" : "NOT met");
            if (r.perTrader() > GOAL_PER_TRADER && !d.name().equals(Deployment.prodLean().name())) {
                CostModel.CostReport lean = model.price(Deployment.prodLean(), r.workload());
                out.printf("  prod-lean (cdk deploy -c lean=true) at 10,000 traders: $%.2f per trader per month ($%,.0f "
                        + "in total): %s%n", lean.perTrader(), lean.total(),
                        lean.perTrader() <= GOAL_PER_TRADER ? "met" : "NOT met");
            }
        });
        out.println("Prices: shared/src/main/resources/nija/capacity/aws-prices-us-east-1.json (dated, each with its AWS "
                + "pricing page; not verified on this machine). Usage assumptions: CostModel's constants.");
        out.println();
        for (CostModel.CostReport r : reports) {
            out.printf("%d traders: $%.2f per trader per month ($%,.0f in total)%n", r.workload().traders(),
                    r.perTrader(), r.total());
        }
        return 0;
    }

    private static void row(PrintStream out, String label, List<CostModel.CostReport> reports,
                            java.util.function.ToDoubleFunction<CostModel.CostReport> value) {
        out.printf("%-66s", label);
        for (CostModel.CostReport r : reports) out.printf(" %14s", money(value.applyAsDouble(r)));
        out.println();
    }

    private static String money(double usd) {
        return usd < 10 ? String.format("$%.2f", usd) : String.format("$%,.0f", usd);
    }
}
