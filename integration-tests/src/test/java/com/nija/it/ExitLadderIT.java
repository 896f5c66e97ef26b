package com.nija.it;

import static com.nija.it.support.Money.decimal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A signal's exit plan run by the engine on posted price batches ({@code POST /internal/prices}): the ladder's rungs
 * scale out as partial closes, the stop moves to breakeven and then trails, and the trailing stop closes the rest.
 */
@PlatformTest
@DisplayName("Exit plans: scale-outs, breakeven and a trailing stop")
class ExitLadderIT {
    private static final String XRP = "XRP-USD";

    private final ApiTarget target;
    private final SignalSource source;

    ExitLadderIT(ApiTarget target) {
        this.target = target;
        this.source = SignalSource.register(target, "an exit ladder test");
    }

    @Test
    @DisplayName("a buy with a three-rung ladder scales out twice, trails its stop after the second rung and is closed "
            + "by the trailing stop; each order shows its rung and the signal's explanation")
    void ladderAndTrailingStop() {
        Trader trader = Trader.following(target, "exit ladder", source, Map.of("allowedSymbols", List.of(XRP)));
        source.price(XRP, "2.0000");
        Map<String, Object> buy = SignalSource.signal("buy", XRP);
        buy.put("price", "2.0000");
        buy.put("stopLoss", "1.9000");
        buy.put("exits", Map.of(
                "targets", List.of(Map.of("price", "2.0500", "fraction", "0.25"),
                        Map.of("price", "2.1000", "fraction", "0.25"), Map.of("price", "2.3000", "fraction", "0.5")),
                "breakevenAfter", 1,
                "trailing", Map.of("distance", "0.0400", "after", 2)));
        buy.put("explanation", Map.of("conditions", Map.of("rsiInBand", true), "indicators", Map.of("rsi14", 55.1)));
        source.send(buy).expect(202);
        JsonNode opening = trader.awaitOrders("the buy to fill", "filled", o -> o.size() == 1).get(0);
        BigDecimal opened = decimal(opening, "quantity");
        assertThat(opening.path("explanation").path("indicators").path("rsi14").asDouble()).isEqualTo(55.1);

        JsonNode rung1 = source.prices(Map.of(XRP, new BigDecimal("2.0600"))).json();
        // The order is recorded filled a moment before the position is reduced: wait for the position itself.
        JsonNode afterOne = trader.awaitPositions("rung 1 to reduce the position", "open",
                p -> p.size() == 1 && p.get(0).path("exits").path("rungsDone").asInt() == 1
                        && decimal(p.get(0), "quantity").compareTo(opened) < 0).get(0);
        source.prices(Map.of(XRP, new BigDecimal("2.0600"))); // the same batch again: nothing more
        source.prices(Map.of(XRP, new BigDecimal("2.1200")));
        trader.awaitPositions("rung 2 to reduce the position", "open", p -> p.size() == 1
                && decimal(p.get(0), "quantity").compareTo(opened.multiply(new BigDecimal("0.5"))) == 0);
        source.prices(Map.of(XRP, new BigDecimal("2.1800")));
        JsonNode trailing = trader.positions("open").get(0);
        JsonNode crossing = source.prices(Map.of(XRP, new BigDecimal("2.1350"))).json();

        assertThat(rung1.path("scaleOuts").asInt()).isEqualTo(1);
        assertThat(decimal(afterOne, "quantity")).isEqualByComparingTo(opened.multiply(new BigDecimal("0.75")));
        assertThat(decimal(afterOne, "stopLoss")).as("breakeven").isEqualByComparingTo(decimal(opening, "fillPrice"));
        assertThat(afterOne.path("exits").path("rungsDone").asInt()).isEqualTo(1);
        assertThat(decimal(trailing, "stopLoss")).as("2.18 − 0.04").isEqualByComparingTo("2.14");
        assertThat(decimal(trailing, "quantity")).isEqualByComparingTo(opened.multiply(new BigDecimal("0.5")));
        assertThat(crossing.path("stopsAndTargets").asInt()).isEqualTo(1);
        JsonNode closed = trader.awaitPositions("the trailing stop to close the rest", "closed", p -> p.size() == 1).get(0);
        List<JsonNode> orders = trader.orders(null);
        assertThat(orders).hasSize(4);
        List<JsonNode> closes = orders.stream().filter(o -> "CLOSE".equals(o.path("intent").asText())).toList();
        assertThat(closes).extracting(o -> o.path("strategy").asText())
                .containsExactlyInAnyOrder("scale-out", "scale-out", "stop-loss");
        assertThat(closes).filteredOn(o -> o.has("rung")).extracting(o -> o.path("rung").asInt())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(closes).allSatisfy(o -> assertThat(o.path("status").asText()).isEqualTo("FILLED"));
        BigDecimal realized = closes.stream().map(o -> decimal(o, "fillPrice").subtract(decimal(opening, "fillPrice"))
                .multiply(decimal(o, "quantity")).subtract(decimal(o, "fee"))).reduce(BigDecimal.ZERO, BigDecimal::add)
                .subtract(decimal(opening, "fee"));
        assertThat(decimal(closed, "realizedPnl")).isCloseTo(realized, org.assertj.core.data.Offset.offset(
                new BigDecimal("0.01")));
    }
}
