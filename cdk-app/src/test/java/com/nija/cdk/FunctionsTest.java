package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.cdk.functions.FunctionCatalog;
import com.nija.cdk.functions.FunctionFactory;
import com.nija.cdk.functions.FunctionProfile;
import com.nija.cdk.functions.FunctionProfiles;
import com.nija.cdk.functions.FunctionSpec;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.Worker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Functions: one per route and worker, java21 with SnapStart behind an alias, sized and wired")
class FunctionsTest {
    /** Synthesized once per JVM (see {@link Synth}). */
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    static Map<String, Map<String, Object>> javaFunctions(Synth.Result r, RegionalStack s) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        r.resources(s, "AWS::Lambda::Function").forEach((id, res) -> {
            if ("java21".equals(props(res).get("Runtime"))) out.put(id, res);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> env(Map<String, Object> fn) {
        return (Map<String, Object>) at(fn, "Properties", "Environment", "Variables");
    }

    @Test
    @DisplayName("the function jar the stacks deploy exists and holds every handler class")
    void jarHoldsEveryHandler() {
        FunctionJar.requireHandlers(Synth.jar(), FunctionCatalog.all().stream().map(FunctionSpec::handler).toList());
    }

    @Test
    @DisplayName("every route, worker and schedule has a java21 function whose handler is its class name")
    void everyFunctionDeployed() {
        for (RegionalStack s : prod.stacks) {
            Map<String, String> handlers = javaFunctions(prod, s).values().stream().collect(Collectors.toMap(
                    f -> (String) props(f).get("FunctionName"), f -> (String) props(f).get("Handler")));
            Set<String> expected = new java.util.HashSet<>();
            RouteTable.ROUTES.forEach(r -> {
                expected.add("nija-prod-" + r.function());
                assertThat(handlers).containsEntry("nija-prod-" + r.function(), r.handler().getName());
            });
            RouteTable.WS_ROUTES.forEach(r -> {
                expected.add("nija-prod-" + r.function());
                assertThat(handlers).containsEntry("nija-prod-" + r.function(), r.handler().getName());
            });
            expected.add("nija-prod-" + FunctionCatalog.POST_CONFIRMATION.function());
            assertThat(handlers).containsEntry("nija-prod-" + FunctionCatalog.POST_CONFIRMATION.function(),
                    FunctionCatalog.POST_CONFIRMATION.handler());
            expected.add("nija-prod-" + RouteTable.WS_AUTHORIZER.function());
            assertThat(handlers).containsEntry("nija-prod-" + RouteTable.WS_AUTHORIZER.function(),
                    RouteTable.WS_AUTHORIZER.handler().getName());
            if (s.regionSpec().role().runsEngine()) {
                RouteTable.WORKERS.forEach(w -> {
                    expected.add("nija-prod-" + w.function());
                    assertThat(handlers).containsEntry("nija-prod-" + w.function(), w.handler().getName());
                });
                RouteTable.SCHEDULES.forEach(t -> {
                    expected.add("nija-prod-" + t.function());
                    assertThat(handlers).containsEntry("nija-prod-" + t.function(), t.handler().getName());
                });
            }
            assertThat(handlers.keySet()).as(s.getStackName()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(handlers.values()).noneMatch(h -> h.contains("::"));
        }
    }

    @Test
    @DisplayName("SnapStart is on for published versions of every function")
    void snapStartEverywhere() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                var fns = javaFunctions(r, s);
                assertThat(fns).isNotEmpty();
                fns.forEach((id, f) -> assertThat((Object) at(f, "Properties", "SnapStart", "ApplyOn"))
                        .as(id).isEqualTo("PublishedVersions"));
            }
        }
    }

    @Test
    @DisplayName("every function has a 'live' alias on a published version, and nothing has provisioned concurrency")
    void aliasesWithoutProvisionedConcurrency() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                var aliases = r.resources(s, "AWS::Lambda::Alias");
                var versions = r.resources(s, "AWS::Lambda::Version");
                assertThat(aliases).hasSameSizeAs(javaFunctions(r, s));
                aliases.values().forEach(a -> {
                    assertThat(props(a)).containsEntry("Name", FunctionFactory.ALIAS);
                    String versionRef = at(a, "Properties", "FunctionVersion", "Fn::GetAtt") == null ? null
                            : (String) ((List<?>) at(a, "Properties", "FunctionVersion", "Fn::GetAtt")).get(0);
                    assertThat(versions).containsKey(versionRef);
                    assertThat(props(a)).doesNotContainKey("ProvisionedConcurrencyConfig");
                });
                versions.values().forEach(v -> assertThat(props(v)).doesNotContainKey("ProvisionedConcurrencyConfig"));
            }
        }
    }

    @Test
    @DisplayName("the only non-Java functions are CDK's own custom-resource providers")
    void onlyCdkProvidersAreNotJava() {
        for (RegionalStack s : prod.stacks) {
            prod.resources(s, "AWS::Lambda::Function").forEach((id, f) -> {
                // Custom resources CDK writes (cross-region references) and its BucketDeployment copy handler.
                if (!"java21".equals(props(f).get("Runtime"))) {
                    assertThat(id).containsAnyOf("CustomResourceProvider", "CustomCDKBucketDeployment");
                }
            });
        }
    }

    @Test
    @DisplayName("Powertools, JVM and data settings are in every function's environment; secrets only by ARN")
    void environment() {
        for (RegionalStack s : prod.stacks) {
            boolean engine = s.regionSpec().role().runsEngine();
            javaFunctions(prod, s).forEach((id, f) -> {
                Map<String, Object> env = env(f);
                assertThat(env).containsEntry("POWERTOOLS_METRICS_NAMESPACE", "NIJA")
                        .containsEntry("POWERTOOLS_LOG_LEVEL", "INFO")
                        .containsEntry("JAVA_TOOL_OPTIONS",
                                "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
                        .containsKey("POWERTOOLS_SERVICE_NAME")
                        .doesNotContainKey("NIJA_CURSOR_SECRET");
                String service = (String) env.get("POWERTOOLS_SERVICE_NAME");
                boolean data = FunctionProfiles.forSpec(FunctionCatalog.all().stream()
                        .filter(spec -> spec.function().equals(service)).findFirst().orElseThrow()).table()
                        != FunctionProfile.TableAccess.NONE;
                if (!data) {
                    // The WebSocket authorizer: no table, no cache, outside the VPC.
                    assertThat(env).as(service).doesNotContainKeys("NIJA_TRADING_TABLE", "NIJA_REDIS_URL");
                    assertThat((Object) at(f, "Properties", "VpcConfig")).as(id).isNull();
                    return;
                }
                assertThat(env).containsEntry("NIJA_TRADING_TABLE", "nija-trading");
                if (engine) {
                    assertThat(env).containsKey("NIJA_REDIS_URL").containsEntry("NIJA_REDIS_CLUSTER", "true");
                    assertThat((Object) at(f, "Properties", "VpcConfig")).as(id).isNotNull();
                } else {
                    assertThat(env).doesNotContainKey("NIJA_REDIS_URL");
                    assertThat((Object) at(f, "Properties", "VpcConfig")).as(id).isNull();
                }
            });
        }
        var getTrades = fn(prod, "us-east-1", "get-trades");
        assertThat(env(getTrades)).containsKey("NIJA_CURSOR_SECRET_ARN");
        // the orders queue too: intake fans a signal with few subscribers out itself
        assertThat(env(fn(prod, "us-east-1", "signal-intake"))).containsKeys("NIJA_SIGNALS_QUEUE_URL",
                "NIJA_ORDERS_QUEUE_URL", "NIJA_ENVELOPE_KEY_ARN");
        // sources' secrets are sealed in the table with the envelope key, not kept in Secrets Manager
        assertThat(env(fn(prod, "us-east-1", "signal-intake"))).doesNotContainKey("NIJA_SIGNAL_SOURCES_SECRET_ARN");
        assertThat(env(fn(prod, "us-east-1", "create-source"))).containsKey("NIJA_ENVELOPE_KEY_ARN");
        assertThat(env(fn(prod, "us-east-1", "list-sources"))).doesNotContainKey("NIJA_ENVELOPE_KEY_ARN");
        // traders' venue keys are sealed with the same envelope key: the executor opens them
        assertThat(env(fn(prod, "us-east-1", "order-executor"))).containsKey("NIJA_ENVELOPE_KEY_ARN")
                .doesNotContainKey("NIJA_BROKER_KEY_ARN");
        // self-service billing: Stripe's API key and the dashboard page Stripe returns to, only where Stripe is called
        for (String billing : new String[] {"billing-plans", "billing-checkout", "billing-portal"}) {
            assertThat(env(fn(prod, "us-east-1", billing))).as(billing).containsKey("NIJA_STRIPE_API_KEY_ARN")
                    .containsEntry("NIJA_BILLING_RETURN_URL", Synth.ORIGIN + "/");
        }
        assertThat(env(fn(prod, "us-east-1", "stripe-webhook"))).doesNotContainKey("NIJA_STRIPE_API_KEY_ARN");
        assertThat(env(fn(prod, "us-east-1", "get-account"))).doesNotContainKeys("NIJA_STRIPE_API_KEY_ARN",
                "NIJA_BILLING_RETURN_URL");
    }

    @Test
    @DisplayName("in the API-only region, senders point at the primary region's queues")
    void apiRegionSendsToPrimaryQueues() {
        Map<String, Object> env = env(fn(prod, "eu-west-1", "signal-intake"));
        assertThat(env).containsEntry("NIJA_SQS_REGION", "us-east-1");
        assertThat(String.valueOf(env.get("NIJA_SIGNALS_QUEUE_URL"))).contains("sqs.us-east-1.amazonaws.com")
                .contains("nija-signals");
    }

    @Test
    @DisplayName("prod reserves concurrency where the blueprint caps a service; dev reserves none")
    void reservedConcurrency() {
        for (Worker w : RouteTable.WORKERS) {
            assertThat(props(fn(prod, "us-east-1", w.function()))).containsEntry("ReservedConcurrentExecutions",
                    bound(w));
        }
        assertThat(props(fn(prod, "us-east-1", "kill-switch"))).containsEntry("ReservedConcurrentExecutions", 5);
        assertThat(props(fn(prod, "us-east-1", "get-positions"))).doesNotContainKey("ReservedConcurrentExecutions");
        for (RegionalStack s : dev.stacks) {
            javaFunctions(dev, s).values().forEach(f ->
                    assertThat(props(f)).doesNotContainKey("ReservedConcurrentExecutions"));
        }
    }

    @Test
    @DisplayName("each worker consumes its queue through its alias, with its budgeted batch size and its max concurrency (the executor's from the capacity model)")
    void workersEventSources() {
        for (RegionalStack s : prod.stacks) {
            var mappings = prod.properties(s, "AWS::Lambda::EventSourceMapping");
            if (!s.regionSpec().role().runsEngine()) {
                assertThat(mappings).isEmpty();
                continue;
            }
            assertThat(mappings).hasSize(RouteTable.WORKERS.size());
            for (Worker w : RouteTable.WORKERS) {
                var m = eventSource(prod, s, w.function());
                assertThat(m).as(w.function()).isPresent();
                assertThat(m.get()).containsEntry("BatchSize", com.nija.cdk.functions.WorkerBudget.batchSize(w))
                        .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
                assertThat((Object) at(m.get(), "ScalingConfig", "MaximumConcurrency")).isEqualTo(bound(w));
                int timeout = (Integer) props(fn(prod, s.regionSpec().region(), w.function())).get("Timeout");
                assertThat(timeout * 6L).as("visibility >= 6 x timeout").isLessThanOrEqualTo(
                        w.queue().visibilityTimeout().toSeconds());
            }
        }
    }

    static Map<String, Object> fn(Synth.Result r, String region, String function) {
        RegionalStack s = r.stack(region);
        String name = "nija-" + (r == dev ? "dev" : "prod") + "-" + function;
        return javaFunctions(r, s).values().stream().filter(f -> name.equals(props(f).get("FunctionName")))
                .findFirst().orElseThrow(() -> new AssertionError("no function " + name + " in " + region));
    }

    /** The worker's concurrency without context: the route table's, the executor's from the capacity model. */
    static int bound(Worker w) {
        return com.nija.cdk.config.AppConfig.from(Map.<String, Object>of()::get).workers().bound(w);
    }

    /** The SQS event source mapping of {@code function}'s alias in {@code s}. */
    static java.util.Optional<Map<String, Object>> eventSource(Synth.Result r, RegionalStack s, String function) {
        String aliasId = aliasLogicalId(r, s, function);
        // FunctionName is "<name of the alias's function>:live", built from the alias's ARN.
        return r.properties(s, "AWS::Lambda::EventSourceMapping").stream()
                .filter(p -> String.valueOf(p.get("FunctionName")).contains(aliasId)
                        && String.valueOf(p.get("FunctionName")).contains(":live")).findFirst();
    }

    static String aliasLogicalId(Synth.Result r, RegionalStack s, String function) {
        String fnId = javaFunctions(r, s).entrySet().stream()
                .filter(e -> props(e.getValue()).get("FunctionName").toString().endsWith("-" + function))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        return r.resources(s, "AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> fnId.equals(at(e.getValue(), "Properties", "FunctionName", "Ref")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
