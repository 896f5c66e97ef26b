package com.nija.cdk.api;

import com.nija.cdk.Nag;
import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.Names;
import com.nija.cdk.functions.NijaFunction;
import com.nija.functions.routes.Access;
import com.nija.functions.routes.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API (payload v2.0): one route per {@link Route}, each integrated with its function's {@code live} alias.
 *
 * <p>Auth: {@link Access#PUBLIC} routes have no authorizer (they verify their own signatures or are health checks);
 * every other route has the Cognito JWT authorizer (issuer + audience). Group rules (finance, admin) cannot be
 * checked by a JWT authorizer against Cognito groups — it matches {@code scope}, and Cognito puts groups in
 * {@code cognito:groups}, not in scopes — so the handlers check them ({@code ApiRequest.requireGroup}), as the local
 * gateway also does from the same route table.
 */
public final class PublicApi extends Construct {
    private final HttpApi api;
    private final HttpStage stage;
    private final LogGroup accessLogs;
    private final Map<String, HttpRoute> routes = new LinkedHashMap<>();

    public PublicApi(Construct scope, String id, AppConfig config, Names names, UserDirectory.Issuer issuer,
                     List<NijaFunction> functions) {
        super(scope, id);
        api = HttpApi.Builder.create(this, "Api")
                .apiName(names.of("api"))
                .description("NIJA trader, signal and staff API")
                .createDefaultStage(false)
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(config.dashboardOrigins())
                        .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT,
                                CorsHttpMethod.DELETE, CorsHttpMethod.OPTIONS))
                        .allowHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match",
                                "Idempotency-Key"))
                        .exposeHeaders(List.of("ETag", "Location", "Retry-After"))
                        .allowCredentials(false)
                        .maxAge(Duration.hours(1))
                        .build())
                .build();
        HttpJwtAuthorizer jwt = new HttpJwtAuthorizer("Cognito", issuer.url(),
                HttpJwtAuthorizerProps.builder().authorizerName("cognito").jwtAudience(issuer.audience()).build());

        double scale = config.stage().throttleScale();
        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(Math.max(1, (int) (RouteGroup.STAGE_RATE * scale)))
                        .burstLimit(Math.max(1, (int) (RouteGroup.STAGE_BURST * scale))).build())
                .build();

        Map<String, HttpLambdaIntegration> integrations = new LinkedHashMap<>();
        // AWS::ApiGatewayV2::Stage RouteSettings is untyped JSON keyed by route key: CloudFormation's own
        // (PascalCase) property names, not the camelCase a CDK struct would render.
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        for (NijaFunction fn : functions) {
            for (Route route : fn.spec().routes()) {
                HttpLambdaIntegration integration = integrations.computeIfAbsent(fn.name(),
                        n -> new HttpLambdaIntegration(n, fn.alias()));
                // The route, its integration and its invoke permission live beside the function (in its nested
                // stack), so a function's resources count against its own template, not the API's.
                Construct home = (Construct) fn.function().getNode().getScope();
                HttpRoute added = HttpRoute.Builder.create(home, "Route " + route.method() + " " + route.path()
                                .replace('/', ' '))
                        .httpApi(api)
                        .routeKey(HttpRouteKey.with(route.path(), HttpMethod.valueOf(route.method())))
                        .integration(integration)
                        .authorizer(route.access().needsToken() ? jwt : new HttpNoneAuthorizer())
                        .build();
                routes.put(route.routeKey(), added);
                RouteGroup group = RouteGroup.of(route);
                settings.put(route.routeKey(), Map.of(
                        "ThrottlingRateLimit", group.rate(scale),
                        "ThrottlingBurstLimit", group.burst(scale),
                        "DetailedMetricsEnabled", true));
                if (!route.access().needsToken()) {
                    Nag.suppress(added, "AwsSolutions-APIG4", route.routeKey() + " is public by the route "
                            + "table: health checks need no token, signals/prices/webhooks verify an HMAC or "
                            + "Stripe signature in the handler.");
                }
            }
        }

        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(config.stage().logRetention())
                .removalPolicy(config.stage().removalPolicy())
                .build();
        CfnStage cfnStage = (CfnStage) stage.getNode().getDefaultChild();
        cfnStage.setRouteSettings(settings);
        cfnStage.setDefaultRouteSettings(CfnStage.RouteSettingsProperty.builder()
                .throttlingRateLimit(Math.max(1, (int) (RouteGroup.STAGE_RATE * scale)))
                .throttlingBurstLimit(Math.max(1, (int) (RouteGroup.STAGE_BURST * scale)))
                .detailedMetricsEnabled(true)
                .build());
        cfnStage.setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                .format(ACCESS_LOG_FORMAT)
                .build());
        // Route settings name routes by key: the stage must be updated after the routes exist.
        routes.values().forEach(r -> stage.getNode().addDependency(r));
    }

    /** One JSON line per request; no headers or bodies (tokens, signatures and secrets stay out of the logs). */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
            + "\"latency\":\"$context.responseLatency\",\"integrationLatency\":\"$context.integration.latency\","
            + "\"integrationError\":\"$context.integrationErrorMessage\",\"sub\":\"$context.authorizer.claims.sub\","
            + "\"responseLength\":\"$context.responseLength\"}";

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }

    /** Route keys ({@code GET /api/v1/positions}) in the order they were added. */
    public List<String> routeKeys() {
        return new ArrayList<>(routes.keySet());
    }
}
