package com.nija.shared.capacity;

import com.nija.shared.capacity.CapacityReport.FunctionLoad;
import java.util.ArrayList;
import java.util.List;

/**
 * A month of a {@link Deployment} under a {@link Workload}, priced with the list prices in
 * {@code aws-prices-us-east-1.json}. Request counts come from the capacity model (the same per-order and per-request
 * costs the benchmarks measured); fixed costs from what the CDK app creates. The usage profile's own assumptions
 * (storage, logs, dashboard loads per trader) are constants here, named and explained.
 */
public final class CostModel {
    /** What a trader keeps in the table: profile, settings, a year of orders, trades, roll-ups (assumption). */
    static final double STORAGE_MB_PER_TRADER = 10;
    /** Log bytes a function writes per invocation (structured JSON lines; assumption). */
    static final double LOG_KB_PER_INVOCATION = 1;
    /** Dashboard page loads per trader a month and the bytes of one cold load (docs/PERFORMANCE.md: ~206 KB). */
    static final double DASHBOARD_LOADS_PER_MONTH = 30;
    static final double DASHBOARD_KB_PER_LOAD = 206;
    /** Idle long polls of one event source: 5 pollers, one call each per 20 s wait (assumption). */
    static final double IDLE_POLLS_PER_SECOND = 5 / 20.0;
    /** Bytes of a venue order's calls through NAT (live traders only; assumption). */
    static final double NAT_KB_PER_ORDER = 10;
    /** ElastiCache Serverless: data kept per trader (cache entries, limiter and sequence keys; assumption). */
    static final double CACHE_KB_PER_TRADER = 20;
    static final double MIN_SERVERLESS_GB = 0.1;

    /** One row of the bill. */
    public record Line(String service, double monthlyUsd, boolean fixed) {}

    /** The month priced: lines, their total and the total per trader. */
    public record CostReport(Deployment deployment, Workload workload, List<Line> lines) {
        public double total() {
            return lines.stream().mapToDouble(Line::monthlyUsd).sum();
        }

        public double fixed() {
            return lines.stream().filter(Line::fixed).mapToDouble(Line::monthlyUsd).sum();
        }

        public double perTrader() {
            return total() / workload.traders();
        }
    }

    private final CitedFigures prices;
    private final CitedFigures measured;
    private final CapacityModel capacity;

    public CostModel(CitedFigures prices, CitedFigures measured, CapacityModel capacity) {
        this.prices = prices;
        this.measured = measured;
        this.capacity = capacity;
    }

    public static CostModel standard() {
        return new CostModel(CitedFigures.resource("aws-prices-us-east-1.json"), CitedFigures.resource("measured-costs.json"),
                CapacityModel.standard());
    }

    public CostReport price(Deployment d, Workload w) {
        double month = Workload.SECONDS_PER_MONTH;
        double hours = month / 3600;
        List<FunctionLoad> functions = capacity.project(w).functions();
        double invocations = functions.stream().mapToDouble(f -> f.invocationsPerSecond() * month).sum();
        double gbSeconds = functions.stream()
                .mapToDouble(f -> f.invocationsPerSecond() * month * f.durationMs() / 1000 * d.functionMemoryMb() / 1024.0).sum();
        double orders = w.ordersPerSecond() * month;
        double signals = w.signalsPerHour() / 3600 * month;
        double httpRequests = (w.readsPerSecond() + w.settingsSavesPerSecond() + w.priceBatchesPerMinute() / 60) * month
                + signals + w.traders() * w.webhooksPerTraderPerMonth();
        double wsMessages = orders * w.connectedShare() * measured.value("order.pushes-messages");
        double connectionMinutes = w.connections() * month / 60;
        double writesPerOrder = (measured.value("order.dynamodb-writes-open") + measured.value("order.dynamodb-writes-close")) / 2;
        double readsPerOrder = (measured.value("order.dynamodb-calls-open") + measured.value("order.dynamodb-calls-close")) / 2
                - writesPerOrder;
        double wru = orders * writesPerOrder + signals + w.settingsSavesPerSecond() * month
                + w.priceBatchesPerMinute() / 60 * month * 17 + w.traders() * w.webhooksPerTraderPerMonth() * 3;
        double rru = orders * readsPerOrder + w.readsPerSecond() * month * (1 - CapacityModel.CACHE_HIT_SHARE)
                * measured.value("read.dynamodb-calls-dashboard-miss");
        double storageGb = w.traders() * STORAGE_MB_PER_TRADER / 1024;
        double sqsRequests = orders / 10 * 3 + signals * 3 + 2 * d.engineRegions() * IDLE_POLLS_PER_SECOND * month;
        double dashboardGb = w.traders() * DASHBOARD_LOADS_PER_MONTH * DASHBOARD_KB_PER_LOAD / 1024 / 1024;

        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Lambda (requests + arm64 GB-s)", invocations / 1e6 * p("lambda.request")
                + gbSeconds * p("lambda.arm-gb-second"), false));
        lines.add(new Line("API Gateway HTTP API", httpRequests / 1e6 * p("apigateway.http-request"), false));
        lines.add(new Line("API Gateway WebSocket (messages + connection minutes)", wsMessages / 1e6 * p("apigateway.ws-message")
                + connectionMinutes / 1e6 * p("apigateway.ws-connection-minute"), false));
        lines.add(new Line("DynamoDB requests (+ replicated writes to " + (d.regions() - 1) + " replicas)",
                wru / 1e6 * p("dynamodb.wru") + rru / 1e6 * p("dynamodb.rru")
                        + wru * (d.regions() - 1) / 1e6 * p("dynamodb.replicated-wru"), false));
        lines.add(new Line("DynamoDB storage + PITR + backups (all replicas)", storageGb * d.regions()
                * (p("dynamodb.storage-gb-month") + p("dynamodb.pitr-gb-month")) + storageGb * p("backup.dynamodb-gb-month"), false));
        lines.add(new Line("SQS FIFO (orders, signals; idle polling)", sqsRequests / 1e6 * p("sqs.fifo-request"), false));
        lines.add(new Line("CloudWatch Logs ingest", invocations * LOG_KB_PER_INVOCATION / 1024 / 1024 * p("logs.ingest-gb"), false));
        lines.add(new Line("CloudFront (dashboard)", dashboardGb * p("cloudfront.gb")
                + w.traders() * DASHBOARD_LOADS_PER_MONTH * 5 / 10_000 * p("cloudfront.10k-https"), false));
        lines.add(new Line("Cognito (beyond 10,000 MAU free)", Math.max(0, w.traders() - 10_000) * p("cognito.mau-over-free"), false));
        lines.add(new Line("ElastiCache " + d.cacheNodeType(), cache(d, w, hours), !Deployment.SERVERLESS_CACHE.equals(d.cacheNodeType())));
        lines.add(new Line("NAT gateways (" + d.natGatewaysPerRegion() + " per engine region)",
                d.engineRegions() * d.natGatewaysPerRegion() * hours * p("nat.hour")
                        + orders * NAT_KB_PER_ORDER / 1024 / 1024 * p("nat.gb"), true));
        lines.add(new Line("VPC interface endpoints (" + d.interfaceEndpoints() + " × " + d.azs() + " zones per engine region)",
                d.engineRegions() * d.interfaceEndpoints() * d.azs() * hours * p("vpc.interface-endpoint-az-hour"), true));
        lines.add(new Line("Alarms, dashboards, secrets, KMS keys, Route 53", d.regions() * (d.alarmsPerRegion()
                * p("cloudwatch.alarm-month") + d.secretsPerRegion() * p("secrets.secret-month") + p("kms.key-month"))
                + d.engineRegions() * p("cloudwatch.dashboard-month") + p("route53.zone-month"), true));
        return new CostReport(d, w, lines);
    }

    private double cache(Deployment d, Workload w, double hours) {
        if (Deployment.SERVERLESS_CACHE.equals(d.cacheNodeType())) {
            double gb = Math.max(MIN_SERVERLESS_GB, w.traders() * CACHE_KB_PER_TRADER / 1024 / 1024);
            // One ECPU per cached read, limiter check and push lookup: about 3 a request (each under 1 KB).
            double ecpu = (w.readsPerSecond() * 3 + w.ordersPerSecond() * 3) * Workload.SECONDS_PER_MONTH;
            // Each engine region keeps its own copy; a request is served in one region.
            return d.engineRegions() * gb * hours * p("elasticache.serverless-gb-hour")
                    + ecpu / 1e6 * p("elasticache.serverless-million-ecpu");
        }
        return d.engineRegions() * d.cacheNodesPerRegion() * hours * p("elasticache." + d.cacheNodeType() + "-hour");
    }

    private double p(String price) {
        return prices.value(price);
    }
}
