package com.nija.functions.engine;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.exits.ExitPlan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/v1/orders: the filters a client can get wrong, answered as problems naming the parameter; what orders show. */
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

    @Test
    @DisplayName("an order a signal caused shows the signal's explanation and exit plan; a refused one its explanation too")
    void explanationShownWithOrders() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        ExitPlan exits = new ExitPlan(List.of(new ExitPlan.Rung(null, new BigDecimal("2"), BigDecimal.ONE)), null,
                new ExitPlan.Trailing(new BigDecimal("1.5"), null, 0));
        OrderExecutorHandler executor = new OrderExecutorHandler(LocalBackends.get().context());
        executor.handleRequest(SqsEvents.order(TestSignals.buy(symbol).usd("200").exits(exits)
                .explanation("{\"conditions\":{\"rsiInBand\":true},\"indicators\":{\"rsi14\":55.1}}")
                .forTrader(trader.userId())), null);
        executor.handleRequest(SqsEvents.order(TestSignals.buy(symbol).usd("200").explanation("{\"why\":\"again\"}")
                .forTrader(trader.userId())), null);

        JsonNode orders = ok(get(trader.userId(), Map.of())).path("orders");

        JsonNode filled = find(orders, "FILLED");
        assertThat(filled.path("explanation").path("indicators").path("rsi14").asDouble()).isEqualTo(55.1);
        assertThat(new BigDecimal(filled.path("exits").path("ladder").get(0).path("percent").asText()))
                .isEqualByComparingTo("2");
        assertThat(new BigDecimal(filled.path("exits").path("trailing").path("percent").asText()))
                .isEqualByComparingTo("1.5");
        JsonNode refused = find(orders, "REFUSED");
        assertThat(refused.path("reason").asText()).startsWith("already long");
        assertThat(refused.path("explanation").path("why").asText()).isEqualTo("again");
        assertThat(refused.has("exits")).isFalse();
    }

    private static JsonNode find(JsonNode orders, String status) {
        for (JsonNode o : orders) {
            if (o.path("status").asText().equals(status)) return o;
        }
        throw new AssertionError("no " + status + " order in " + orders);
    }
}
