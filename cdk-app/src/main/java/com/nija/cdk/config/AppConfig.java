package com.nija.cdk.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything ops choose at deploy time, read from CDK context ({@code cdk.json} or {@code -c key=value}). The README's
 * ops section lists the same keys; {@link #KEYS} is the list the app accepts.
 *
 * @param stage            {@code dev} or {@code prod}
 * @param regions          each region and its role, in order; exactly one primary
 * @param account          AWS account id, or empty for an account-agnostic synth (the CLI's default account)
 * @param dashboardOrigins origins the HTTP API answers CORS preflights for (the trader dashboard)
 * @param dns              custom domain + hosted zone for latency routing; empty skips Route 53 entirely
 * @param alarmEmail       address subscribed to every alarm topic; empty leaves the topics without subscribers
 * @param alarms           create alarms (default: prod yes, dev no)
 * @param logLevel         {@code POWERTOOLS_LOG_LEVEL} of every function
 * @param reservations     reserved concurrency per function and the account limit it must fit in
 * @param workers          each queue worker's concurrency (the executor's from the capacity model)
 * @param footprint        NAT gateways, interface endpoints and cache shape of each engine region (context lean)
 * @param signIn           the dashboard's sign-in: self sign-up, hosted sign-in domain
 * @param backups          cross-region copy of the table backups and the optional vault lock
 */
public record AppConfig(Stage stage, List<RegionSpec> regions, Optional<String> account, List<String> dashboardOrigins,
                        Optional<DnsConfig> dns, Optional<String> alarmEmail, boolean alarms, String logLevel,
                        Reservations reservations, WorkerConcurrency workers, Footprint footprint, SignIn signIn,
                        Backups backups) {

    public static final String DEFAULT_REGIONS = "us-east-1:primary,us-west-2:full,eu-west-1:api";
    /** A dev dashboard served by the local platform or a dev server; prod must name its real origin. */
    public static final String DEV_DASHBOARD_ORIGIN = "http://localhost:5173";
    public static final Set<String> KEYS = Set.of("stage", "regions", "account", "dashboardOrigins", "domainName",
            "hostedZoneId", "hostedZoneName", "alarmEmail", "alarms", "logLevel", "reservedConcurrency",
            "lambdaConcurrencyLimit", WorkerConcurrency.CONTEXT_KEY, Footprint.CONTEXT_KEY, "selfSignUp", "authDomainPrefix",
            "backupCopyRegion", "backupVaultLockDays", "engineRegion", "engineApiUrl", LiveApiIds.CONTEXT_KEY,
            SourceRateLimit.CONTEXT_KEY, AlertContext.WEBHOOK_KEY, AlertContext.QUIET_SOURCES_KEY);

    public AppConfig {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(reservations);
        Objects.requireNonNull(workers);
        Objects.requireNonNull(footprint);
        Objects.requireNonNull(signIn);
        Objects.requireNonNull(backups);
        regions = List.copyOf(regions);
        dashboardOrigins = List.copyOf(dashboardOrigins);
        if (regions.stream().filter(r -> r.role() == RegionRole.PRIMARY).count() != 1) {
            throw new IllegalArgumentException("regions: exactly one region must be primary, got " + regions);
        }
        if (regions.stream().map(RegionSpec::region).distinct().count() != regions.size()) {
            throw new IllegalArgumentException("regions: a region is listed twice in " + regions);
        }
    }

    public RegionSpec primary() {
        return regions.stream().filter(r -> r.role() == RegionRole.PRIMARY).findFirst().orElseThrow();
    }

    /** Reads every key through {@code context} (the CDK app's {@code tryGetContext}); absent keys take defaults. */
    public static AppConfig from(Function<String, Object> context) {
        Stage stage = Stage.parse(string(context, "stage").orElse("dev"));
        List<RegionSpec> regions = parseRegions(context.apply("regions"));
        Optional<String> account = string(context, "account").or(() -> env("CDK_DEFAULT_ACCOUNT"));
        List<String> origins = list(context.apply("dashboardOrigins"));
        if (origins.isEmpty()) {
            if (stage.isProd()) {
                throw new IllegalArgumentException(
                        "prod needs the dashboard's origin for CORS: -c dashboardOrigins=https://app.example.com");
            }
            origins = List.of(DEV_DASHBOARD_ORIGIN);
        }
        for (String origin : origins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("dashboardOrigins: '" + origin + "' is not scheme://host[:port]");
            }
        }
        Optional<DnsConfig> dns = DnsConfig.from(string(context, "domainName"), string(context, "hostedZoneId"),
                string(context, "hostedZoneName"));
        boolean alarms = string(context, "alarms").map(v -> bool("alarms", v)).orElse(stage.alarmsByDefault());
        String logLevel = string(context, "logLevel").orElse("INFO").toUpperCase(java.util.Locale.ROOT);
        Reservations reservations = Reservations.parse(string(context, "reservedConcurrency"),
                string(context, "lambdaConcurrencyLimit"), stage);
        SignIn signIn = new SignIn(string(context, "selfSignUp").map(v -> bool("selfSignUp", v)).orElse(true),
                string(context, "authDomainPrefix").or(() -> account.map(a -> "nija-" + stage.label() + "-" + a)));
        return new AppConfig(stage, regions, account, origins, dns, string(context, "alarmEmail"), alarms, logLevel,
                reservations, WorkerConcurrency.parse(string(context, WorkerConcurrency.CONTEXT_KEY)),
                Footprint.of(stage, string(context, Footprint.CONTEXT_KEY).map(v -> bool(Footprint.CONTEXT_KEY, v))
                        .orElse(false)), signIn,
                Backups.parse(string(context, "backupCopyRegion"),
                string(context, "backupVaultLockDays")));
    }

    /**
     * {@code "us-east-1:primary,us-west-2:full"} (also {@code =} instead of {@code :}), a JSON object
     * {@code {"us-east-1": "primary"}} from cdk.json, or a JSON list of such strings. Absent: the blueprint's three.
     */
    static List<RegionSpec> parseRegions(Object raw) {
        List<String> entries = new ArrayList<>();
        if (raw == null) {
            entries.addAll(Arrays.asList(DEFAULT_REGIONS.split(",")));
        } else if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> entries.add(k + ":" + v));
        } else {
            entries.addAll(list(raw));
        }
        List<RegionSpec> specs = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split("[:=]", 2);
            if (parts.length != 2 || !parts[0].trim().matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("regions: '" + entry + "' is not region:role (us-east-1:primary)");
            }
            specs.add(new RegionSpec(parts[0].trim(), RegionRole.parse(parts[1])));
        }
        if (specs.isEmpty()) throw new IllegalArgumentException("regions: none given");
        return specs;
    }

    private static List<String> list(Object raw) {
        if (raw == null) return List.of();
        Set<String> out = new LinkedHashSet<>();
        if (raw instanceof List<?> l) {
            l.forEach(v -> out.add(String.valueOf(v).trim()));
        } else {
            for (String s : String.valueOf(raw).split(",")) out.add(s.trim());
        }
        out.removeIf(String::isEmpty);
        return List.copyOf(out);
    }

    private static Optional<String> string(Function<String, Object> context, String key) {
        Object v = context.apply(key);
        return v == null || String.valueOf(v).isBlank() ? Optional.empty() : Optional.of(String.valueOf(v).trim());
    }

    private static Optional<String> env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    private static boolean bool(String key, String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + v + "' is not true/false");
        };
    }

    /** One region and its role. */
    public record RegionSpec(String region, RegionRole role) {}

    /**
     * The API's public name and the hosted zone that holds it. Each region gets a regional custom domain with the
     * same name, and Route 53 answers with the lowest-latency healthy one.
     */
    public record DnsConfig(String domainName, String hostedZoneId, String hostedZoneName) {
        static Optional<DnsConfig> from(Optional<String> domain, Optional<String> zoneId, Optional<String> zoneName) {
            if (domain.isEmpty() && zoneId.isEmpty()) return Optional.empty();
            if (domain.isEmpty() || zoneId.isEmpty()) {
                throw new IllegalArgumentException("Route 53 needs both domainName and hostedZoneId (or neither)");
            }
            String name = zoneName.orElseGet(() -> domain.get().substring(domain.get().indexOf('.') + 1));
            if (!domain.get().equals(name) && !domain.get().endsWith("." + name)) {
                throw new IllegalArgumentException("domainName " + domain.get() + " is not inside zone " + name);
            }
            return Optional.of(new DnsConfig(domain.get(), zoneId.get(), name));
        }
    }
}
