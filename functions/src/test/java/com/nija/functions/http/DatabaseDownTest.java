package com.nija.functions.http;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.json;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.health.HealthHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.trading.GetPositionsHandler;
import com.nija.local.services.FreePort;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Functions whose DynamoDB endpoint answers nothing (a port no one listens on; the shared dynalite keeps serving every
 * other test): health says the region cannot serve, and a route's own failure is a 500 problem that leaks nothing.
 */
class DatabaseDownTest {
    private static ApplicationContext unreachable;

    @BeforeAll
    static void contextWithoutDatabase() {
        unreachable = LocalBackends.get().newContext(
                Map.of("nija.dynamodb-endpoint", "http://127.0.0.1:" + FreePort.find()));
    }

    @AfterAll
    static void close() {
        unreachable.close();
    }

    @Test
    @DisplayName("/health answers 503 with dynamodb down, so Route 53 takes the region out of DNS")
    void healthIs503() {
        APIGatewayV2HTTPResponse response = new HealthHandler(unreachable).handleRequest(Events.http("api/health.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        JsonNode report = json(response);
        assertThat(report.path("status").asText()).isEqualTo("unavailable");
        assertThat(report.path("checks").path("dynamodb").asText()).isEqualTo("down");
        assertThat(report.path("checks").path("redis").asText()).isEqualTo("up");
    }

    @Test
    @DisplayName("a route that fails on our side answers 500 problem+json quoting the request id, with no class names or hosts")
    void ownFailureIsProblem() {
        APIGatewayV2HTTPResponse response = new GetPositionsHandler(unreachable)
                .handleRequest(Events.http("api/get-positions.json", "t-database-down"), null);

        JsonNode body = problem(response, 500, "internal");
        assertThat(body.path("detail").asText()).contains("JKJaXmPLvHcESHA=");
        assertThat(body.path("instance").asText()).isEqualTo("/api/v1/positions");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("software.amazon")
                .doesNotContain("127.0.0.1").doesNotContain("dynamodb");
    }
}
