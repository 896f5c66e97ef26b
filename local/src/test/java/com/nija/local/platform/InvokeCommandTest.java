package com.nija.local.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.live.WsAuthorizerHandler;
import com.nija.functions.routes.RouteTable;
import com.nija.local.auth.LocalSigningKey;
import com.nija.shared.json.Json;
import com.nija.shared.strategy.ApexParameters;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code invoke FUNCTION EVENT_FILE} with the sample events, for every kind of function, on real services. */
class InvokeCommandTest {
    static final Path EVENTS = Path.of("..", "events");

    @TempDir
    static Path home;
    static Backends backends;
    static FunctionRuntime runtime;

    @BeforeAll
    static void start() {
        backends = Backends.start(null);
        runtime = new FunctionRuntime(backends.dynamodbEndpoint(), backends.redisUrl(), backends.sqsEndpoint(),
                LocalSecrets.cursorSecret(home), LocalPlatform.authOverrides(LocalSigningKey.loadOrCreate(home)));
        runtime.provisionTables();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        backends.close();
    }

    static JsonNode invoke(String function, String event) throws Exception {
        InvokeCommand.Result result = InvokeCommand.invoke(runtime, InvokeCommand.find(function).orElseThrow(),
                EVENTS.resolve(event));
        assertThat(result.failed()).as("%s threw: %s", function, result.json()).isFalse();
        return Json.MAPPER.readTree(result.json());
    }

    @Test
    @DisplayName("every function of the route table can be named, by function name or handler class")
    void everyFunctionIsKnown() {
        RouteTable.ROUTES.forEach(r -> assertThat(InvokeCommand.find(r.function())).isPresent());
        RouteTable.WORKERS.forEach(w -> assertThat(InvokeCommand.find(w.function())).isPresent());
        RouteTable.SCHEDULES.forEach(t -> assertThat(InvokeCommand.find(t.function())).isPresent());
        RouteTable.WS_ROUTES.forEach(r -> assertThat(InvokeCommand.find(r.function())).isPresent());
        assertThat(InvokeCommand.find("WsAuthorizerHandler")).isPresent();
        assertThat(InvokeCommand.find("no-such-function")).isEmpty();
    }

    @Test
    @DisplayName("an HTTP route answers with its HTTP API response")
    void httpRoute() throws Exception {
        JsonNode response = invoke("health", "api/health.json");

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.path("body").asText()).path("checks").path("dynamodb").asText())
                .isEqualTo("up");
    }

    @Test
    @DisplayName("a scheduled function runs with its EventBridge sample and answers its report: reconciliation, no live trader")
    void scheduledFunction() throws Exception {
        JsonNode report = invoke("reconcile-venues", "scheduled/reconcile-venues.json");

        assertThat(report.path("traders").asInt()).isZero();
        assertThat(report.path("drifts").asInt()).isZero();
        assertThat(report.has("venuesUnreachable")).isTrue();
    }

    @Test
    @DisplayName("the APEX scan runs with its scheduler sample: on a platform with no stored candles every configured "
            + "market is skipped as stale and nothing is signalled")
    void apexScan() throws Exception {
        List<String> markets = ApexParameters.load().markets();

        JsonNode report = invoke("apex-scan", "scheduled/apex-scan.json");

        assertThat(report.path("scanned").asInt()).isEqualTo(markets.size()).isPositive();
        markets.forEach(m -> assertThat(report.path("outcomes").path(m).asText()).as(m).isEqualTo("stale-candles"));
    }

    @Test
    @DisplayName("a WebSocket route answers the client; the ping sample gets a pong")
    void webSocketRoute() throws Exception {
        JsonNode response = invoke("ws-ping", "ws/ping.json");

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.path("body").asText()).path("type").asText()).isEqualTo("pong");
    }

    @Test
    @DisplayName("the $connect authorizer refuses the sample's placeholder token the way Lambda reports it: Unauthorized")
    void authorizerRefusal() throws Exception {
        InvokeCommand.Result result = InvokeCommand.invoke(runtime, InvokeCommand.find("ws-authorizer").orElseThrow(),
                EVENTS.resolve("ws/authorize.json"));

        assertThat(result.failed()).isTrue();
        JsonNode error = Json.MAPPER.readTree(result.json());
        assertThat(error.path("errorMessage").asText()).isEqualTo("Unauthorized");
        assertThat(error.path("errorType").asText()).isEqualTo(WsAuthorizerHandler.Unauthorized.class.getName());
    }

    @Test
    @DisplayName("a queue worker answers with its partial-batch response, the sample message handled")
    void queueWorker() throws Exception {
        JsonNode response = invoke("signal-fanout", "sqs/signal-fanout.json");

        assertThat(response.path("batchItemFailures").isArray()).as("partial-batch response %s", response).isTrue();
        assertThat(response.path("batchItemFailures")).as("messages reported failed").isEmpty();
    }
}
