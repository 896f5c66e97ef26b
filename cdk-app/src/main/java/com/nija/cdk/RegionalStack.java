package com.nija.cdk;

import com.nija.cdk.api.LatencyDns;
import com.nija.cdk.api.LiveApi;
import com.nija.cdk.functions.FunctionProfile.Extra;
import com.nija.cdk.api.PublicApi;
import com.nija.cdk.api.UserDirectory;
import com.nija.cdk.config.AlertContext;
import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.AppConfig.RegionSpec;
import com.nija.cdk.config.EngineConfig;
import com.nija.cdk.config.LiveApiIds;
import com.nija.cdk.config.Names;
import com.nija.cdk.config.RegionRole;
import com.nija.cdk.config.SourceRateLimit;
import com.nija.cdk.data.GlobalTables;
import com.nija.cdk.data.ExportBucket;
import com.nija.cdk.data.SecretsAndKeys;
import com.nija.cdk.data.WorkQueues;
import com.nija.cdk.functions.FunctionCatalog;
import com.nija.cdk.functions.FunctionFactory;
import com.nija.cdk.functions.FunctionSpec;
import com.nija.cdk.functions.FunctionStacks;
import com.nija.cdk.functions.NijaFunction;
import com.nija.cdk.functions.Schedules;
import com.nija.cdk.functions.WorkerBudget;
import com.nija.cdk.network.Cache;
import com.nija.cdk.network.Network;
import com.nija.cdk.ops.Alerting;
import com.nija.cdk.ops.OpsDashboard;
import com.nija.cdk.ops.TableBackups;
import com.nija.cdk.site.DashboardConfig;
import com.nija.cdk.site.DashboardSite;
import com.nija.functions.reconcile.ReconcileVenuesHandler;
import com.nija.functions.signals.CheckQuietSourcesHandler;
import com.nija.functions.routes.Worker;
import com.nija.shared.data.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.NestedStackProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Everything NIJA runs in one region, by the region's {@link RegionRole}:
 * <ul>
 *   <li>all roles: secrets and the broker key (replicas outside the primary), the table (owner in the primary,
 *       replica elsewhere), every route's function (in nested stacks by route table group, {@link FunctionStacks}),
 *       the HTTP API, latency DNS when configured, alarms, dashboard;</li>
 *   <li>engine roles (primary, full): VPC, cache, queues with DLQs, queue workers, scheduled functions (reconciliation
 *       with the venues, the APEX scan) and their schedules where the route table places them, table backups;</li>
 *   <li>primary: the Cognito user pool whose issuer every region's authorizer trusts, and the trader dashboard's
 *       hosting (S3 + CloudFront, in nested stacks of its own).</li>
 * </ul>
 */
public final class RegionalStack extends Stack {
    /** What the primary stack hands the others (resolved across regions by CDK's cross-region references). */
    public record PrimaryExports(UserDirectory.Issuer issuer, String brokerKeyArn, String region, String apiUrl) {}

    private final RegionSpec region;
    private final List<NijaFunction> functions = new ArrayList<>();
    private final PublicApi api;
    private final LiveApi live;
    private final Optional<UserDirectory> users;
    private final SecretsAndKeys secrets;
    private final Optional<Cache> cache;
    private final Optional<WorkQueues> queues;
    private final Optional<Alerting> alerting;
    private final Optional<LatencyDns> dns;
    private final Optional<DashboardSite> site;

    public RegionalStack(Construct scope, String id, StackProps props, AppConfig config, RegionSpec region,
                         Path functionJar, Path dashboardDir, Optional<PrimaryExports> primary) {
        super(scope, id, props);
        this.region = region;
        Names names = new Names(config.stage());
        RegionRole role = region.role();
        boolean engine = role.runsEngine();

        secrets = new SecretsAndKeys(this, "Secrets", config, role, names, primary.map(PrimaryExports::brokerKeyArn));
        GlobalTables tables = new GlobalTables(this, "Tables", config, role, names);

        Optional<Network> network = engine ? Optional.of(new Network(this, "Network", config.stage(), config.footprint(), names))
                : Optional.empty();
        cache = network.map(n -> new Cache(this, "Cache", config.stage(), config.footprint(), names, n));
        queues = Optional.of(engine ? WorkQueues.create(this, "Queues", names)
                : WorkQueues.remote(this, "Queues", names, config.primary().region()));

        users = role == RegionRole.PRIMARY ? Optional.of(new UserDirectory(this, "Users", config, names))
                : Optional.empty();
        UserDirectory.Issuer issuer = users.map(UserDirectory::issuer)
                .orElseGet(() -> primary.orElseThrow(() -> new IllegalStateException(
                        "a non-primary region needs the primary's issuer")).issuer());

        // Functions: one per route, one per queue worker (engine regions only), one per other trigger; each in the
        // nested stack of its route table group (FunctionStacks), so no template nears CloudFormation's 500.
        FunctionFactory factory = new FunctionFactory(this, new FunctionFactory.Wiring(config, names, functionJar, tables,
                queues, network, cache, secrets,
                engine ? Optional.empty() : Optional.of(config.primary().region()), issuer,
                new ExportBucket(this, "Exports", config.stage())));
        EngineConfig engineRegion = EngineConfig.from(key -> getNode().tryGetContext(key), config);
        Map<String, FunctionFactory> factoryOf = new java.util.HashMap<>();
        FunctionStacks.place(FunctionCatalog.all().stream().filter(s -> engine || !s.engineOnly()).toList())
                .forEach((group, specs) -> {
                    NestedStack nested = new NestedStack(this, "Functions" + group, NestedStackProps.builder()
                            .description("NIJA " + group + " functions").build());
                    FunctionFactory inNested = factory.in(nested);
                    specs.forEach(s -> factoryOf.put(s.function(), inNested));
                });
        for (FunctionSpec spec : FunctionCatalog.all()) {
            if (spec.engineOnly() && !engine) continue;
            NijaFunction fn = factoryOf.get(spec.function()).create(spec);
            functions.add(fn);
            // Workers keep their event sources in every engine-role region: a queue holds only what its own
            // region accepted while it was the engine, and the demoted engine must drain it (README "Regions").
            spec.worker().ifPresent(w -> subscribe(fn, w, config.workers().bound(w)));
            fn.function().addEnvironment(EngineConfig.REGION_ENV, engineRegion.region());
        }

        // A confirmed sign-up becomes a trader: the primary's user pool runs the post-confirmation function.
        users.ifPresent(u -> u.onConfirmedSignUp(functions.stream()
                .filter(f -> f.spec().equals(FunctionCatalog.POST_CONFIRMATION)).findFirst().orElseThrow()));

        // Reconciliation fires in every engine-role region, the APEX scan in the engine region only (route table).
        new Schedules(this, "Schedules", names, functions, engine, engineRegion.region().equals(region.region()));

        config.reservations().requireWithinLimit(region.region(), functions.stream()
                .mapToInt(f -> f.profile().reservedConcurrency().orElse(0)).sum());

        api = new PublicApi(this, "Http", config, names, issuer,
                functions.stream().filter(f -> f.spec().isHttp()).toList());
        if (!engineRegion.region().equals(region.region())) {
            // Trading writes reaching this region are forwarded to the engine region's API.
            String engineApi = engineRegion.apiUrl().orElseGet(() -> primary.orElseThrow().apiUrl());
            functions.stream().filter(f -> f.spec().engineWrite())
                    .forEach(f -> f.function().addEnvironment(EngineConfig.API_URL_ENV, engineApi));
        }

        live = new LiveApi(this, "Live", config, names,
                functions.stream().filter(f -> f.spec().isWebSocket() || f.profile().has(Extra.PUSHES_LIVE_UPDATES))
                        .toList(), LiveApiIds.from(key -> getNode().tryGetContext(key), config));
        // Operator alerts (docs/ALERTS.md): the watched sources reach the quiet-source check.
        AlertContext alertContext = AlertContext.from(key -> getNode().tryGetContext(key));
        alertContext.quietSources().ifPresent(spec -> functions.stream()
                .filter(f -> f.spec().handler().equals(CheckQuietSourcesHandler.class.getName()))
                .forEach(f -> f.function().addEnvironment("NIJA_ALERTS_QUIET_SOURCES", spec)));
        SourceRateLimit.from(key -> getNode().tryGetContext(key)).ifPresent(perMinute -> functions.stream()
                .filter(f -> SourceRateLimit.APPLIES_TO.contains(f.spec().handler()))
                .forEach(f -> f.function().addEnvironment(SourceRateLimit.ENV, Integer.toString(perMinute))));

        dns = config.dns().map(d -> new LatencyDns(this, "Dns", d, api));
        // One dashboard, beside the user pool it signs in with; its /api/* reaches the latency-routed API domain.
        site = users.map(u -> hostDashboard(u, config, names, dashboardDir));

        String tableName = tables.name(Tables.TRADING.id());
        if (config.alarms()) {
            Alerting a = new Alerting(this, "Alarms", config, names);
            a.api(api.api());
            for (String tableId : tables.all().keySet()) a.tableThrottling(tables.name(tableId));
            queues.filter(WorkQueues::local).ifPresent(q -> a.deadLetters(q.deadLetters()));
            functions.stream().filter(f -> f.spec().engineOnly()).forEach(a::workerErrors);
            functions.stream().filter(f -> f.spec().schedule()
                    .filter(t -> t.handler() == ReconcileVenuesHandler.class).isPresent()).forEach(a::positionDrift);
            functions.stream().filter(f -> f.profile().has(Extra.PUSHES_LIVE_UPDATES)).forEach(a::pushFailures);
            cache.ifPresent(a::cache);
            // Route 53 failing this region over is worth a page.
            dns.ifPresent(d -> a.critical(d.unhealthyAlarm()));
            // CloudFront publishes its metrics in us-east-1 only: elsewhere the alarms would never see a datapoint.
            if (region.region().equals(DashboardSite.METRICS_REGION)) site.ifPresent(s -> a.dashboard(s.distribution()));
            // Operator alerts (docs/ALERTS.md): who publishes, deployments as info, the optional chat forwarder.
            functions.stream().filter(f -> Alerting.RAISED_IN.contains(f.name())).forEach(a::raisedBy);
            a.deployments(this);
            alertContext.webhookUrl().ifPresent(url -> a.forwardTo(url, factory));
            alerting = Optional.of(a);
        } else {
            alerting = Optional.empty();
        }
        Map<String, IQueue> localQueues = new java.util.LinkedHashMap<>();
        queues.filter(WorkQueues::local).ifPresent(q -> com.nija.shared.data.Queues.ALL
                .forEach(d -> localQueues.put(d.id(), q.queue(d.id()))));
        new OpsDashboard(this, "Dashboard", names.of(region.region()), api.api(), functions, localQueues,
                queues.filter(WorkQueues::local).map(WorkQueues::deadLetters).orElse(Map.of()), tableName, cache);

        if (engine) new TableBackups(this, "Backups", config, names, List.copyOf(tables.all().values()));

        outputs(tables, issuer, network);
        acceptStackWideFindings();
    }

    /**
     * The dashboard's hosting in nested stacks of its own, so it never crowds this template: {@code Hosting} (bucket,
     * distribution, headers, caches) and {@code HostingUploads} (the files and config.json). Separate because
     * config.json names the user pool client, whose redirect URLs name the distribution: Hosting → client (here) →
     * HostingUploads, where one stack would be a dependency cycle.
     */
    private DashboardSite hostDashboard(UserDirectory users, AppConfig config, Names names, Path dashboardDir) {
        String apiDomain = config.dns().map(AppConfig.DnsConfig::domainName)
                .orElseGet(() -> api.api().getApiId() + ".execute-api." + region.region() + "." + getUrlSuffix());
        String liveOrigin = "wss://" + live.api().getApiId() + ".execute-api." + region.region() + "." + getUrlSuffix();
        NestedStack hosting = new NestedStack(this, "Hosting", NestedStackProps.builder()
                .description("NIJA dashboard hosting: S3 and CloudFront").build());
        DashboardSite s = new DashboardSite(hosting, "Site", config.stage(), names, apiDomain, liveOrigin);
        users.allowOrigin(s.url());
        String signInUrl = users.signInUrl().orElseThrow(() -> new IllegalStateException("the hosted dashboard signs "
                + "in through Cognito's hosted pages: set -c authDomainPrefix=<prefix> or the account"));
        UserDirectory.Issuer issuer = users.issuer();
        NestedStack uploads = new NestedStack(this, "HostingUploads", NestedStackProps.builder()
                .description("NIJA dashboard files and config.json").build());
        s.deploy(uploads, dashboardDir, new DashboardConfig(signInUrl, issuer.clientId(), live.stage().getUrl()).json());
        return s;
    }

    private void subscribe(NijaFunction fn, Worker worker, int bound) {
        IQueue queue = queues.orElseThrow().queue(worker.queue().id());
        // Maximum concurrency is the worker's scaling bound (blueprint: trading engine replicas); partial batch
        // failures return only the failed messages to the queue.
        fn.alias().addEventSource(new SqsEventSource(queue, SqsEventSourceProps.builder()
                .batchSize(WorkerBudget.batchSize(worker))
                .maxConcurrency(maxConcurrency(fn, bound))
                .reportBatchItemFailures(true)
                .build()));
    }

    /**
     * The worker's scaling bound ({@code WorkerConcurrency}: the route table's, the executor's from the capacity model),
     * lowered to its reservation when ops reserve less: an event source allowed more concurrency than the function has
     * only gets throttled invocations (SQS allows 2 to 1000).
     */
    static int maxConcurrency(NijaFunction fn, int bound) {
        return fn.profile().reservedConcurrency().map(r -> Math.max(2, Math.min(r, bound))).orElse(bound);
    }

    private void outputs(GlobalTables tables, UserDirectory.Issuer issuer, Optional<Network> network) {
        out("Region", region.region());
        out("RegionRole", region.role().label());
        out("ApiUrl", api.api().getApiEndpoint());
        out("ApiId", api.api().getApiId());
        out("LiveUrl", live.stage().getUrl());
        out("LiveApiId", live.api().getApiId());
        out("LiveCallbackUrl", live.stage().getCallbackUrl());
        for (String id : tables.all().keySet()) out(camel(id) + "TableName", tables.name(id));
        out("IssuerUrl", issuer.url());
        users.ifPresent(u -> {
            out("UserPoolId", issuer.userPoolId());
            out("UserPoolClientId", issuer.clientId());
        });
        cache.ifPresent(c -> out("RedisUrl", c.url()));
        // The addresses venue calls leave from: traders may allow-list them on their API keys.
        network.flatMap(Network::egressIps).ifPresent(ips -> out("VenueEgressIps", ips));
        queues.filter(WorkQueues::local).ifPresent(q -> com.nija.shared.data.Queues.ALL
                .forEach(d -> out(camel(d.id()) + "QueueUrl", q.queue(d.id()).getQueueUrl())));
        alerting.ifPresent(a -> {
            out("CriticalTopicArn", a.critical().getTopicArn());
            out("WarningTopicArn", a.warning().getTopicArn());
            out("InfoTopicArn", a.info().getTopicArn());
        });
        dns.ifPresent(d -> out("HealthCheckId", d.healthCheck().getHealthCheckId()));
        site.ifPresent(s -> {
            out("DashboardUrl", s.url());
            out("DashboardBucketName", s.files().getBucketName());
            out("DashboardDistributionId", s.distribution().getDistributionId());
        });
        for (NijaFunction f : functions) out("Fn" + camel(f.name()), f.function().getFunctionName());
    }

    private void out(String key, String value) {
        CfnOutput.Builder.create(this, key).key(key).value(value).build();
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[-_]")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** Findings accepted for the whole stack; resource-specific ones sit beside their resources. */
    private void acceptStackWideFindings() {
        Nag.suppress(this, "AwsSolutions-IAM5", "Wildcards only inside ARNs scoped to one resource: a table's "
                + "indexes (table/<name>/index/*), a log group's streams (log-group:<name>:*), a secret's version "
                + "suffix, and AWS's Resource \"*\" where an action has no resource-level permission (X-Ray "
                + "PutTraceSegments/PutTelemetryRecords, Lambda VPC ENI management, KMS key policy self-reference), and the "
                + "@connections path of the live WebSocket stages (any connection: connection ids are created at "
                + "runtime; the API is this stack's own, or another region's by its id from context liveApiIds).",
                List.of("/^Resource::.*\\/index\\/\\*$/g", "/^Resource::.*:log-group:.*:\\*$/g", "/^Resource::\\*$/g",
                        "/^Resource::arn:<AWS::Partition>:ssm:.*:parameter\\/cdk\\/exports\\/.*\\*$/g",
                        "/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/g",
                        "/^Resource::arn:<AWS::Partition>:secretsmanager:.*-\\?\\?\\?\\?\\?\\?$/g",
                        "/^Resource::<.*LogGroup.*Arn>:\\*$/g",
                        "/^Resource::arn:<AWS::Partition>:execute-api:.*:<LiveApi.*>\\/live\\/\\*\\/@connections\\/\\*$/g",
                        "/^Resource::arn:<AWS::Partition>:execute-api:[a-z0-9-]+:[^:]+:[a-z0-9]{10}\\/live\\/POST\\/@connections\\/\\*$/g"));
        Nag.suppress(this, "AwsSolutions-L1", "Runtime java21 is the project's decision (ARCHITECTURE.md: Java 17 "
                + "bytecode on java21, SnapStart-tested); CDK's own custom-resource handlers pick their Node runtime.");
    }

    public RegionSpec regionSpec() { return region; }
    public List<NijaFunction> functions() { return List.copyOf(functions); }
    public PublicApi api() { return api; }
    public LiveApi live() { return live; }
    public Optional<UserDirectory> users() { return users; }
    public SecretsAndKeys secrets() { return secrets; }
    public Optional<Cache> cache() { return cache; }
    public Optional<Alerting> alerting() { return alerting; }
    public Optional<DashboardSite> site() { return site; }
}
