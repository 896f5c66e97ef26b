package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.functions.routes.Route;
import com.nija.functions.routes.RouteTable;
import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.RequiresDocker;
import com.nija.local.demo.DemoSeeder;
import com.nija.local.gateway.LocalLambdaContext;
import com.nija.local.platform.FunctionRuntime;
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.TradingTables;
import com.nija.shared.market.PriceBook;
import com.nija.shared.performance.RollupRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The functions against LocalStack's DynamoDB instead of dynalite: tables created from the same definitions,
 * the demo trader seeded, and the handlers invoked with HTTP API events the way Lambda would. Runs with
 * {@code -Plocalstack}; without a Docker engine it is reported as skipped, and says why.
 */
@Tag("localstack")
@RequiresDocker("LocalStack (started through Testcontainers)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The functions on LocalStack's DynamoDB")
class LocalStackIT {
    /** A pinned image; {@code -Dnija.localstack.image=…} picks another. */
    private static final String DEFAULT_IMAGE = "localstack/localstack:4.4";
    private static final String AUTH_TOKEN_ENV = "LOCALSTACK_AUTH_TOKEN";

    private LocalStackContainer localstack;
    private RedisServerProcess redis;
    private FunctionRuntime runtime;

    @BeforeAll
    void startLocalStack() {
        long started = System.nanoTime();
        DockerImageName image = DockerImageName.parse(System.getProperty("nija.localstack.image", DEFAULT_IMAGE))
                .asCompatibleSubstituteFor("localstack/localstack");
        localstack = new LocalStackContainer(image).withServices(Service.DYNAMODB);
        String authToken = System.getenv(AUTH_TOKEN_ENV);
        if (authToken != null && !authToken.isBlank()) localstack.withEnv(AUTH_TOKEN_ENV, authToken);
        localstack.start();
        redis = new RedisServerProcess(FreePort.find()).start();
        // DynamoDB on LocalStack, Redis local, no queues: the read and settings routes need nothing else.
        runtime = new FunctionRuntime(localstack.getEndpointOverride(Service.DYNAMODB).toString(),
                redis.uri().toString(), null, "localstack-it-cursor-secret-" + UUID.randomUUID(), Map.of());
        runtime.provisionTables();
        var context = runtime.context();
        new DemoSeeder(context.getBean(TradingTables.class), context.getBean(RollupRepository.class),
                context.getBean(PriceBook.class)).seed(DemoSeeder.DEMO_TRADER, PlatformClock.system().instant());
        System.out.printf("[it] LocalStack %s ready, tables created and demo seeded in %d ms%n", image,
                (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    void stopLocalStack() {
        try {
            if (runtime != null) runtime.close();
        } finally {
            try {
                if (redis != null) redis.close();
            } finally {
                if (localstack != null) localstack.stop();
            }
        }
    }

    @Test
    @DisplayName("a new trader saves settings with If-Match and reads them back; a stale save is refused with 412")
    void settingsRoundTrip() {
        String trader = ApiTarget.newTraderId("localstack");
        APIGatewayV2HTTPResponse first = invoke("get-settings", trader, Map.of(), Map.of(), null);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        String etag = first.getHeaders().get("ETag");
        ObjectNode change = (ObjectNode) Api.parse(first.getBody());
        change.put("positionSizePct", "4.5");
        change.put("tradingEnabled", true);
        change.putArray("allowedSymbols").add("BTC-USD").add("ethusd");

        APIGatewayV2HTTPResponse saved = invoke("put-settings", trader, Map.of(),
                Map.of("content-type", "application/json", "if-match", etag), change.toString());

        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        APIGatewayV2HTTPResponse read = invoke("get-settings", trader, Map.of(), Map.of(), null);
        JsonNode settings = Api.parse(read.getBody());
        assertThat(settings.path("positionSizePct").asText()).isEqualTo("4.5");
        assertThat(settings.path("tradingEnabled").asBoolean()).isTrue();
        assertThat(settings.path("allowedSymbols").toString()).isEqualTo("[\"BTC-USD\",\"ETH-USD\"]");
        assertThat(read.getHeaders().get("ETag")).isEqualTo(saved.getHeaders().get("ETag")).isNotEqualTo(etag);
        APIGatewayV2HTTPResponse stale = invoke("put-settings", trader, Map.of(),
                Map.of("content-type", "application/json", "if-match", etag), change.toString());
        assertThat(stale.getStatusCode()).as(stale.getBody()).isEqualTo(412);
    }

    @Test
    @DisplayName("the demo trader's positions read back as 3 open and 160 closed, open ones priced")
    void positions() {
        APIGatewayV2HTTPResponse open = invoke("get-positions", DemoSeeder.DEMO_TRADER, Map.of("status", "open"),
                Map.of(), null);
        APIGatewayV2HTTPResponse closed = invoke("get-positions", DemoSeeder.DEMO_TRADER,
                Map.of("status", "closed"), Map.of(), null);

        assertThat(open.getStatusCode()).as(open.getBody()).isEqualTo(200);
        JsonNode openPositions = Api.parse(open.getBody()).path("positions");
        assertThat(openPositions).hasSize(3)
                .allSatisfy(p -> assertThat(p.path("currentPrice").isTextual()).as("priced: %s", p).isTrue());
        assertThat(Api.parse(closed.getBody()).path("positions")).hasSize(160);
    }

    @Test
    @DisplayName("the demo trader's fills page through LocalStack without duplicates or gaps")
    void tradesPaginate() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int fills = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "100"));
            if (cursor != null) query.put("cursor", cursor);
            APIGatewayV2HTTPResponse page = invoke("get-trades", DemoSeeder.DEMO_TRADER, query, Map.of(), null);
            assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
            JsonNode body = Api.parse(page.getBody());
            for (JsonNode t : body.path("trades")) {
                fills++;
                ids.add(t.path("tradeId").asText());
            }
            cursor = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
        } while (cursor != null);

        assertThat(ids).hasSize(fills).hasSize(2 * 160 + 3);
    }

    /** One HTTP API v2.0 event for {@code function}, as the JWT authorizer would pass it for {@code userId}. */
    private APIGatewayV2HTTPResponse invoke(String function, String userId, Map<String, String> query,
                                            Map<String, String> headers, String body) {
        Route route = RouteTable.byFunction(function).orElseThrow();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = runtime.handler(route.handler());
        String requestId = UUID.randomUUID().toString();
        String rawQuery = String.join("&", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(route.path())
                .withRawQueryString(rawQuery)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(RequestContext.builder()
                        .withRequestId(requestId)
                        .withRouteKey(route.routeKey())
                        .withStage("$default")
                        .withTimeEpoch(PlatformClock.system().millis())
                        .withHttp(RequestContext.Http.builder().withMethod(route.method()).withPath(route.path())
                                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build())
                        .withAuthorizer(RequestContext.Authorizer.builder()
                                .withJwt(RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", userId))
                                        .withScopes(null)
                                        .build())
                                .build())
                        .build())
                .build();
        return handler.handleRequest(event, new LocalLambdaContext(requestId, route.function(), Duration.ofSeconds(29)));
    }
}
