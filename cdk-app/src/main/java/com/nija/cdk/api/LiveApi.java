package com.nija.cdk.api;

import com.nija.cdk.Nag;
import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.LiveApiIds;
import com.nija.cdk.config.Names;
import com.nija.cdk.functions.FunctionProfile.Extra;
import com.nija.cdk.functions.NijaFunction;
import com.nija.functions.routes.WsRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRoute;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The WebSocket API for live updates: route selection on {@code $request.body.action}, one route per
 * {@link WsRoute} of the route table integrated with its function's {@code live} alias, two-way routes answering
 * the client, and the Lambda REQUEST authorizer on {@code $connect} (WebSocket APIs have no JWT authorizer).
 * Functions that push ({@link Extra#PUSHES_LIVE_UPDATES}) get the stage's {@code @connections} callback URL as
 * {@code NIJA_LIVE_CALLBACK_URL} and {@code execute-api:ManageConnections} on this API's stage, and on the other
 * regions' live stages named by {@link LiveApiIds} (never on any API id by wildcard).
 */
public final class LiveApi extends Construct {
    /** The stage name: part of the wss:// URL and of the callback URL. */
    public static final String STAGE = "live";
    /**
     * The authorizer must run on every connect and find the token itself (query or subprotocol), so its identity
     * source is a header every WebSocket handshake carries; a missing identity source would be a 401 before it runs.
     */
    public static final String IDENTITY_SOURCE = "route.request.header.Host";
    /** Per-stage rate: connects and client messages (pushes are management calls, not limited here). */
    static final int STAGE_RATE = 500;
    static final int STAGE_BURST = 1000;

    private final WebSocketApi api;
    private final WebSocketStage stage;
    private final Map<String, WebSocketRoute> routes = new LinkedHashMap<>();

    public LiveApi(Construct scope, String id, AppConfig config, Names names, List<NijaFunction> functions,
                   LiveApiIds otherApis) {
        super(scope, id);
        NijaFunction authorizerFn = functions.stream().filter(f -> f.spec().wsAuthorizer()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the WebSocket API needs its $connect authorizer"));
        Map<String, NijaFunction> byRoute = new LinkedHashMap<>();
        functions.forEach(f -> f.spec().wsRoute().ifPresent(r -> byRoute.put(r.routeKey(), f)));
        for (String required : List.of(WsRoute.CONNECT, WsRoute.DISCONNECT, WsRoute.DEFAULT)) {
            if (!byRoute.containsKey(required)) throw new IllegalStateException("no function for " + required);
        }

        WebSocketLambdaAuthorizer authorizer = new WebSocketLambdaAuthorizer("Authorizer", authorizerFn.alias(),
                WebSocketLambdaAuthorizerProps.builder().authorizerName(names.of("ws-authorizer"))
                        .identitySource(List.of(IDENTITY_SOURCE)).build());
        api = WebSocketApi.Builder.create(this, "Api")
                .apiName(names.of("live"))
                .description("NIJA live updates: fills, positions, orders, prices")
                .routeSelectionExpression("$request.body.action")
                .connectRouteOptions(options(byRoute.get(WsRoute.CONNECT), false)
                        .authorizer(authorizer).build())
                .disconnectRouteOptions(options(byRoute.get(WsRoute.DISCONNECT), false).build())
                .defaultRouteOptions(options(byRoute.get(WsRoute.DEFAULT), true).build())
                .build();
        byRoute.forEach((key, fn) -> {
            if (key.startsWith("$")) return;
            api.addRoute(key, options(fn, fn.spec().wsRoute().orElseThrow().twoWay()).build());
        });
        api.getNode().findAll().stream().filter(c -> c instanceof WebSocketRoute)
                .map(c -> (WebSocketRoute) c).forEach(r -> routes.put(r.getRouteKey(), r));

        double scale = config.stage().throttleScale();
        stage = WebSocketStage.Builder.create(this, "Stage")
                .webSocketApi(api)
                .stageName(STAGE)
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(Math.max(1, (int) (STAGE_RATE * scale)))
                        .burstLimit(Math.max(1, (int) (STAGE_BURST * scale))).build())
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(config.stage().logRetention())
                .removalPolicy(config.stage().removalPolicy())
                .build();
        ((CfnStage) stage.getNode().getDefaultChild()).setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                .format(ACCESS_LOG_FORMAT)
                .build());

        // A trader may be connected to another region's API while this region executes their order: pushes go to
        // the API the connection is on, so pushers may also manage connections on the other regions' live stages —
        // on their APIs by id (context liveApiIds), never on every API of the account.
        String here = Stack.of(this).getRegion();
        List<String> others = config.regions().stream().map(AppConfig.RegionSpec::region).filter(r -> !r.equals(here))
                .toList();
        List<String> elsewhere = others.stream().flatMap(r -> otherApis.of(r).stream()
                        .map(api -> Arn.format(ArnComponents.builder().service("execute-api").region(r)
                                .resource(api + "/" + STAGE + "/POST/@connections/*").build(), Stack.of(this))))
                .toList();
        List<String> unknown = others.stream().filter(r -> otherApis.of(r).isEmpty()).toList();
        if (!unknown.isEmpty() && functions.stream().anyMatch(f -> f.profile().has(Extra.PUSHES_LIVE_UPDATES))) {
            Annotations.of(this).addWarningV2("@nija/live:crossRegionPushes", "no " + LiveApiIds.CONTEXT_KEY
                    + " for " + unknown + ": pushes from this region to traders connected there are denied until "
                    + "-c " + LiveApiIds.CONTEXT_KEY + " names their LiveApiId outputs (docs/DEPLOY.md)");
        }
        for (NijaFunction fn : functions) {
            if (!fn.profile().has(Extra.PUSHES_LIVE_UPDATES)) continue;
            fn.function().addEnvironment("NIJA_LIVE_CALLBACK_URL", stage.getCallbackUrl());
            stage.grantManagementApiAccess(fn.function());
            if (!elsewhere.isEmpty()) {
                fn.function().addToRolePolicy(PolicyStatement.Builder.create()
                        .actions(List.of("execute-api:ManageConnections"))
                        .resources(elsewhere)
                        .build());
            }
        }
        routes.forEach((key, route) -> {
            if (!key.equals(WsRoute.CONNECT)) {
                Nag.suppress(route, "AwsSolutions-APIG4", key + ": WebSocket APIs authorize on $connect only; "
                        + "every later message of the connection carries the authorizer's verified identity.");
            }
        });
    }

    private static WebSocketRouteOptions.Builder options(NijaFunction fn, boolean twoWay) {
        return WebSocketRouteOptions.builder()
                .integration(new WebSocketLambdaIntegration(fn.name(), fn.alias()))
                .returnResponse(twoWay);
    }

    /** One JSON line per event; no message bodies or tokens. */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\",\"eventType\":"
            + "\"$context.eventType\",\"connectionId\":\"$context.connectionId\",\"status\":\"$context.status\","
            + "\"integrationLatency\":\"$context.integrationLatency\",\"sub\":\"$context.authorizer.principalId\","
            + "\"error\":\"$context.error.message\"}";

    public WebSocketApi api() {
        return api;
    }

    public WebSocketStage stage() {
        return stage;
    }

    /** Route keys ({@code $connect}, {@code subscribe}, …) in the template. */
    public List<String> routeKeys() {
        return List.copyOf(routes.keySet());
    }
}
