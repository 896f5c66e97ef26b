package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.cdk.api.LiveApi;
import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.LiveApiIds;
import com.nija.cdk.config.SourceRateLimit;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.WsRoute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WebSocket API: the route table's WS routes both ways, the $connect authorizer, pushes granted only to pushers, on known API ids")
class LiveApiTest {
    static final Set<String> PUSHERS = Set.of("order-executor", "close-position", "price-ingest", "kill-switch",
            "pause-trading", "resume-trading", "reconcile-venues", "ingest-candles");

    /** Synthesized once per JVM (see {@link Synth}). */
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    @Test
    @DisplayName("every WebSocket route of the route table is in every region's WebSocket API, and nothing else is")
    void routesBothWays() {
        Set<String> table = RouteTable.WS_ROUTES.stream().map(WsRoute::routeKey).collect(Collectors.toSet());
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                Set<String> template = r.live(s, "AWS::ApiGatewayV2::Route").stream()
                        .map(p -> (String) p.get("RouteKey")).collect(Collectors.toSet());
                assertThat(template).as(s.getStackName()).isEqualTo(table);
                Map<String, Object> api = r.properties(s, "AWS::ApiGatewayV2::Api").stream()
                        .filter(a -> "WEBSOCKET".equals(a.get("ProtocolType"))).findFirst().orElseThrow();
                assertThat(api).containsEntry("RouteSelectionExpression", "$request.body.action");
            }
        }
    }

    @Test
    @DisplayName("$connect runs the REQUEST authorizer function; action routes and $default answer the client")
    void connectAuthorizerAndTwoWayRoutes() {
        for (RegionalStack s : prod.stacks) {
            Map<String, Map<String, Object>> byKey = prod.live(s, "AWS::ApiGatewayV2::Route").stream()
                    .collect(Collectors.toMap(p -> (String) p.get("RouteKey"), p -> p));
            assertThat(byKey.get("$connect")).containsEntry("AuthorizationType", "CUSTOM").containsKey("AuthorizerId");
            for (WsRoute route : RouteTable.WS_ROUTES) {
                Map<String, Object> p = byKey.get(route.routeKey());
                if (route.twoWay()) {
                    assertThat(p).as(route.routeKey()).containsEntry("RouteResponseSelectionExpression", "$default");
                } else {
                    assertThat(p).as(route.routeKey()).doesNotContainKey("RouteResponseSelectionExpression");
                }
            }
            List<Map<String, Object>> authorizers = prod.live(s, "AWS::ApiGatewayV2::Authorizer");
            assertThat(authorizers).hasSize(1);
            assertThat(authorizers.get(0)).containsEntry("AuthorizerType", "REQUEST")
                    .containsEntry("IdentitySource", List.of(LiveApi.IDENTITY_SOURCE));
            assertThat(String.valueOf(authorizers.get(0).get("AuthorizerUri"))).contains("wsauthorizer");
        }
    }

    @Test
    @DisplayName("the authorizer trusts the primary's user pool and touches no data")
    void authorizerFunction() {
        for (RegionalStack s : prod.stacks) {
            Map<String, Object> env = environment(prod, s, "ws-authorizer");
            assertThat(String.valueOf(env.get("NIJA_AUTH_ISSUER"))).contains("cognito-idp.us-east-1.amazonaws.com");
            assertThat(env).containsKey("NIJA_AUTH_AUDIENCE").doesNotContainKey("NIJA_TRADING_TABLE");
        }
        assertThat(IamTest.actionsOf(prod.stack("us-east-1"), "ws-authorizer")).noneMatch(a -> a.startsWith("dynamodb:"));
    }

    @Test
    @DisplayName("only the functions that push get the callback URL and execute-api:ManageConnections on this API's stage")
    void pushersOnly() {
        RegionalStack s = prod.stack("us-east-1");
        String apiId = s.getLogicalId((software.amazon.awscdk.CfnElement) s.live().api().getNode().getDefaultChild());
        Set<String> examined = new java.util.HashSet<>();
        prod.resources(s, "AWS::Lambda::Function").forEach((id, fn) -> {
            Map<String, Object> env = at(fn, "Properties", "Environment", "Variables");
            // CDK's own helper functions (log retention, custom resources) carry no service name: not ours.
            if (env == null || env.get("POWERTOOLS_SERVICE_NAME") == null) return;
            String function = (String) env.get("POWERTOOLS_SERVICE_NAME");
            examined.add(function);
            boolean pusher = PUSHERS.contains(function);
            assertThat(env.containsKey("NIJA_LIVE_CALLBACK_URL")).as(function).isEqualTo(pusher);
            List<String> actions = IamTest.actionsOf(s, function);
            assertThat(actions.contains("execute-api:ManageConnections")).as(function).isEqualTo(pusher);
            if (pusher) {
                assertThat(String.valueOf(env.get("NIJA_LIVE_CALLBACK_URL"))).contains(apiId).contains("/live");
            }
        });
        assertThat(examined).as("functions examined").containsAll(PUSHERS)
                .containsAll(RouteTable.ROUTES.stream().map(r -> r.function()).toList());
    }

    /** Dev with every region's WebSocket API id and a default source limit given as context. */
    static final Synth.Result withIds = Synth.with(Map.of(LiveApiIds.CONTEXT_KEY,
            "us-east-1=aaaaaaaaa1,us-west-2=bbbbbbbbb2,eu-west-1=ccccccccc3",
            SourceRateLimit.CONTEXT_KEY, "3000"));

    @Test
    @DisplayName("no execute-api:ManageConnections statement in any stack names its API by wildcard")
    void noWildcardApiId() {
        for (Synth.Result r : List.of(prod, dev, withIds)) {
            for (RegionalStack s : r.stacks) {
                List<String> resources = manageConnectionsResources(r, s, "");
                assertThat(resources).as(s.getStackName()).isNotEmpty();
                for (String arn : resources) {
                    String[] parts = arn.split(":", 6);
                    assertThat(parts).as(arn).hasSize(6);
                    String apiId = parts[5].substring(0, parts[5].indexOf('/'));
                    assertThat(apiId).as("API id of %s in %s", arn, s.getStackName()).isNotEmpty()
                            .doesNotContain("*").doesNotContain("?");
                }
            }
        }
    }

    @Test
    @DisplayName("with liveApiIds, pushers may reach connections on the other regions' live stages by their API ids, "
            + "and the findings stay explained")
    void crossRegionPushesByApiId() {
        List<String> resources = manageConnectionsResources(withIds, withIds.stack("us-east-1"), "orderexecutorRole");

        String arn = "arn:{AWS__Partition}:execute-api:";
        assertThat(resources)
                .contains(arn + "us-west-2:" + Synth.ACCOUNT + ":bbbbbbbbb2/live/POST/@connections/*")
                .contains(arn + "eu-west-1:" + Synth.ACCOUNT + ":ccccccccc3/live/POST/@connections/*")
                .noneMatch(r -> r.contains("aaaaaaaaa1"));
        assertThat(manageConnectionsResources(withIds, withIds.stack("us-west-2"), "orderexecutorRole"))
                .anyMatch(r -> r.contains(":us-east-1:") && r.contains(":aaaaaaaaa1/live/POST/"))
                .noneMatch(r -> r.contains("bbbbbbbbb2"));
        assertThat(NagTest.findings(withIds)).isEmpty();
    }

    @Test
    @DisplayName("without liveApiIds pushers get only their own stage, and synth warns which regions they cannot reach")
    void withoutIdsOwnStageOnly() {
        RegionalStack s = prod.stack("us-east-1");

        List<String> resources = manageConnectionsResources(prod, s, "orderexecutorRole");

        assertThat(resources).isNotEmpty().allMatch(r -> r.contains(":execute-api:us-east-1:"));
        assertThat(prod.artifact(s).getMessages()).anyMatch(m -> String.valueOf(m.getEntry().getData())
                .contains(LiveApiIds.CONTEXT_KEY) && String.valueOf(m.getEntry().getData()).contains("us-west-2")
                && String.valueOf(m.getEntry().getData()).contains("eu-west-1"));
    }

    @Test
    @DisplayName("every stack outputs its WebSocket API id (LiveApiId), what liveApiIds is built from")
    void liveApiIdOutput() {
        for (RegionalStack s : prod.stacks) {
            String apiLogicalId = s.getLogicalId((software.amazon.awscdk.CfnElement) s.live().api().getNode()
                    .getDefaultChild());
            Object value = at(prod.json(s), "Outputs", "LiveApiId", "Value");
            assertThat(value).as(s.getStackName()).isEqualTo(Map.of("Ref", apiLogicalId));
        }
    }

    @Test
    @DisplayName("liveApiIds naming a region the app does not have, or something that is no API id, stops the synth")
    void liveApiIdsChecked() {
        AppConfig app = ConfigTest.config(Map.of());

        assertThat(LiveApiIds.from(Map.<String, Object>of(LiveApiIds.CONTEXT_KEY, Map.of("us-west-2", "bbbbbbbbb2"))::get,
                app).of("us-west-2")).contains("bbbbbbbbb2");
        assertThatThrownBy(() -> LiveApiIds.from(Map.<String, Object>of(LiveApiIds.CONTEXT_KEY,
                "ap-south-1=bbbbbbbbb2")::get, app)).hasMessageContaining("ap-south-1").hasMessageContaining("regions");
        assertThatThrownBy(() -> LiveApiIds.from(Map.<String, Object>of(LiveApiIds.CONTEXT_KEY, "us-west-2=*")::get,
                app)).hasMessageContaining("not an API id");
        assertThatThrownBy(() -> LiveApiIds.from(Map.<String, Object>of(LiveApiIds.CONTEXT_KEY, "us-west-2")::get,
                app)).hasMessageContaining("not an API id");
    }

    @Test
    @DisplayName("sourceRateLimitPerMinute reaches signal intake and price ingest only; absent, no function gets it")
    void sourceRateLimitDefault() {
        RegionalStack s = withIds.stack("us-east-1");
        for (String fn : List.of("signal-intake", "price-ingest")) {
            assertThat(environment(withIds, s, fn)).as(fn).containsEntry(SourceRateLimit.ENV, "3000");
        }
        assertThat(environment(withIds, s, "get-positions")).doesNotContainKey(SourceRateLimit.ENV);
        assertThat(environment(prod, prod.stack("us-east-1"), "signal-intake")).doesNotContainKey(SourceRateLimit.ENV);
        assertThatThrownBy(() -> SourceRateLimit.from(Map.<String, Object>of(SourceRateLimit.CONTEXT_KEY, "0")::get))
                .hasMessageContaining(SourceRateLimit.CONTEXT_KEY);
        assertThatThrownBy(() -> SourceRateLimit.from(Map.<String, Object>of(SourceRateLimit.CONTEXT_KEY, "1e3")::get))
                .hasMessageContaining(SourceRateLimit.CONTEXT_KEY);
    }

    /**
     * The resources of every ManageConnections statement in {@code stack}'s policies whose logical id starts with
     * {@code policyPrefix}, rendered as text: references become {@code {Name}} (colons as {@code _}, so
     * {@code AWS::Partition} is {@code {AWS__Partition}}), so an ARN splits on its own colons.
     */
    static List<String> manageConnectionsResources(Synth.Result r, RegionalStack stack, String policyPrefix) {
        List<String> out = new java.util.ArrayList<>();
        r.resources(stack, "AWS::IAM::Policy").forEach((id, p) -> {
            if (!id.startsWith(policyPrefix)) return;
            Synth.list(at(p, "Properties", "PolicyDocument", "Statement")).forEach(st -> {
                if (Synth.list(((Map<?, ?>) st).get("Action")).contains("execute-api:ManageConnections")) {
                    Synth.list(((Map<?, ?>) st).get("Resource")).forEach(res -> out.add(render(res)));
                }
            });
        });
        return out;
    }

    private static String render(Object value) {
        if (value instanceof String text) return text;
        if (value instanceof Map<?, ?> m && m.get("Fn::Join") instanceof List<?> join) {
            String separator = (String) join.get(0);
            return ((List<?>) join.get(1)).stream().map(LiveApiTest::render).collect(Collectors.joining(separator));
        }
        if (value instanceof Map<?, ?> m && m.containsKey("Ref")) {
            return "{" + String.valueOf(m.get("Ref")).replace(':', '_') + "}";
        }
        return "{" + String.valueOf(value).replace(':', '_') + "}";
    }

    @Test
    @DisplayName("the stage 'live' deploys itself, is throttled and logs access")
    void stage() {
        for (Synth.Result r : List.of(prod, dev)) {
            for (RegionalStack s : r.stacks) {
                Map<String, Object> stage = r.live(s, "AWS::ApiGatewayV2::Stage").get(0);
                assertThat(stage).containsEntry("StageName", LiveApi.STAGE).containsEntry("AutoDeploy", true);
                assertThat((Object) at(stage, "DefaultRouteSettings", "ThrottlingRateLimit")).isNotNull();
                assertThat((Object) at(stage, "AccessLogSettings", "DestinationArn")).isNotNull();
            }
        }
    }

    static Map<String, Object> environment(Synth.Result r, RegionalStack s, String function) {
        return r.resources(s, "AWS::Lambda::Function").values().stream()
                .map(fn -> (Map<String, Object>) at(fn, "Properties", "Environment", "Variables"))
                .filter(env -> env != null && function.equals(env.get("POWERTOOLS_SERVICE_NAME")))
                .findFirst().orElseThrow(() -> new AssertionError("no function " + function));
    }
}
