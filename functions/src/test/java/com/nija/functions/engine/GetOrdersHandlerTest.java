package com.nija.functions.engine;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/v1/orders: the filters a client can get wrong, answered as problems naming the parameter. */
class GetOrdersHandlerTest {
    private final GetOrdersHandler handler = new GetOrdersHandler(LocalBackends.get().context());

    private APIGatewayV2HTTPResponse get(String userId, Map<String, String> query) {
        return handler.handleRequest(Events.withQuery(Events.http("api/get-orders.json", userId), query), null);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            status | bogus
            status | 'filled,refused'
            status | PENDING
            limit  | 0
            limit  | 101
            limit  | ten
            """)
    @DisplayName("a bad status or limit is refused with 400 problem+json naming the parameter")
    void badFilter(String parameter, String value) {
        TraderFixture trader = TraderFixture.newTrader();

        JsonNode body = problem(get(trader.userId(), Map.of(parameter, value)), 400, "invalid-input");

        assertThat(texts(body.path("errors"), "field")).containsExactly(parameter);
        assertThat(body.path("errors").get(0).path("message").asText()).isNotBlank();
        assertThat(body.has("orders")).isFalse();
    }

    @Test
    @DisplayName("a status in any case is read as the same filter: a new trader has no filled orders")
    void statusInAnyCase() {
        TraderFixture trader = TraderFixture.newTrader();

        JsonNode body = ok(get(trader.userId(), Map.of("status", "Filled")));

        assertThat(body.path("orders").isArray()).isTrue();
        assertThat(body.path("orders")).isEmpty();
    }
}
