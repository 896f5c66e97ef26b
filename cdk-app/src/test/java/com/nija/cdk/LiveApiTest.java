package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.nija.cdk.api.LiveApi;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.routes.WsRoute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WebSocket API: the route table's WS routes both ways, the $connect authorizer, pushes granted only to pushers")
class LiveApiTest {
    static final Set<String> PUSHERS = Set.of("order-executor", "close-position", "price-ingest", "kill-switch",
            "pause-trading", "resume-trading", "reconcile-venues");

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

    @Test
    @DisplayName("pushers may reach connections on the other regions' live stages (a trader connected elsewhere)")
    void crossRegionPushes() {
        RegionalStack s = prod.stack("us-east-1");
        List<String> resources = new java.util.ArrayList<>();
        prod.resources(s, "AWS::IAM::Policy").forEach((id, p) -> {
            if (!id.startsWith("orderexecutorRole")) return;
            Synth.list(at(p, "Properties", "PolicyDocument", "Statement")).forEach(st -> {
                if (String.valueOf(((Map<?, ?>) st).get("Action")).contains("execute-api:ManageConnections")) {
                    Synth.list(((Map<?, ?>) st).get("Resource")).forEach(r -> resources.add(String.valueOf(r)));
                }
            });
        });
        assertThat(resources).anyMatch(r -> r.contains("execute-api:us-west-2:" + Synth.ACCOUNT + ":*/live/POST/@connections/*"))
                .anyMatch(r -> r.contains("execute-api:eu-west-1:" + Synth.ACCOUNT + ":*/live/POST/@connections/*"))
                .noneMatch(r -> r.contains("execute-api:us-east-1:" + Synth.ACCOUNT + ":*/"));
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
