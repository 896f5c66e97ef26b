package com.nija.it;

import static com.nija.it.support.Money.cents;
import static com.nija.it.support.Money.decimal;
import static com.nija.it.support.Money.money;
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
 * Price updates close positions by themselves: {@code POST /internal/prices} finds the open positions whose stop or
 * target the price crossed and sends their closes through the trader's order queue. Each test trades its own market.
 */
@PlatformTest
@DisplayName("Stops and targets close positions when prices cross them")
class StopLossIT {
    private static final String AVAX = "AVAX-USD";
    private static final String NEAR = "NEAR-USD";

    private final ApiTarget target;
    private final SignalSource source;

    StopLossIT(ApiTarget target) {
        this.target = target;
        this.source = SignalSource.register(target, "a stop-loss test");
    }

    @Test
    @DisplayName("a long opened with a stop-loss stays open above the stop and closes by itself once a price at or "
            + "below it arrives; the close order says it was the stop-loss")
    void stopLossClosesLong() {
        Trader trader = follower(Map.of("allowedSymbols", List.of(AVAX)));
        source.price(AVAX, "40.00");
        Map<String, Object> buy = SignalSource.signal("buy", AVAX);
        buy.put("stopLoss", "36.00");
        source.send(buy).expect(202);
        JsonNode opening = trader.awaitOrders("the buy to fill", "filled", o -> o.size() == 1).get(0);
        assertThat(decimal(opening, "stopLoss")).isEqualByComparingTo("36");
        JsonNode position = trader.positions("open").get(0);
        assertThat(decimal(position, "stopLoss")).isEqualByComparingTo("36");

        JsonNode above = source.price(AVAX, "37.00").json();

        assertThat(above.path("stopsAndTargets").asInt()).isZero();
        assertThat(trader.positions("open")).hasSize(1);

        JsonNode crossing = source.price(AVAX, "35.00").json();

        assertThat(crossing.path("stopsAndTargets").asInt()).isEqualTo(1);
        JsonNode closed = trader.awaitPositions("the stop-loss to close the position", "closed", p -> p.size() == 1)
                .get(0);
        assertThat(closed.path("positionId").asText()).isEqualTo(position.path("positionId").asText());
        assertThat(trader.positions("open")).isEmpty();
        JsonNode closing = closeOrder(trader);
        assertThat(closing.path("status").asText()).isEqualTo("FILLED");
        assertThat(closing.path("side").asText()).isEqualTo("SELL");
        assertThat(closing.path("strategy").asText()).isEqualTo("stop-loss");
        assertThat(closing.path("positionId").asText()).isEqualTo(position.path("positionId").asText());
        assertThat(decimal(closing, "fillPrice")).isEqualByComparingTo("34.9825"); // 35.00 less 5 bps slippage
        BigDecimal realized = money(decimal(closing, "fillPrice").subtract(decimal(opening, "fillPrice"))
                .multiply(decimal(opening, "quantity"))
                .subtract(decimal(opening, "fee")).subtract(decimal(closing, "fee")));
        assertThat(realized).isNegative();
        assertThat(cents(closed, "realizedPnl")).isEqualByComparingTo(realized);
        assertThat(cents(trader.performance("all"), "realizedPnl")).isEqualByComparingTo(realized);
        assertThat(source.price(AVAX, "34.00").json().path("stopsAndTargets").asInt())
                .as("a closed position is not closed again").isZero();
        assertThat(trader.orders(null)).hasSize(2);
    }

    @Test
    @DisplayName("a short opened with a take-profit in percent closes by itself when the price falls to the target")
    void takeProfitClosesShort() {
        Trader trader = follower(Map.of("allowedSymbols", List.of(NEAR), "allowShorts", true));
        source.price(NEAR, "5.00");
        Map<String, Object> sell = SignalSource.signal("sell", NEAR);
        sell.put("takeProfit", "4%");
        sell.put("stopLoss", "10%");
        source.send(sell).expect(202);
        JsonNode opening = trader.awaitOrders("the short to fill", "filled", o -> o.size() == 1).get(0);
        assertThat(opening.path("side").asText()).isEqualTo("SELL");
        assertThat(decimal(opening, "takeProfit")).isEqualByComparingTo("4.8");
        assertThat(decimal(opening, "stopLoss")).isEqualByComparingTo("5.5");
        assertThat(trader.positions("open").get(0).path("side").asText()).isEqualTo("SHORT");

        assertThat(source.price(NEAR, "4.90").json().path("stopsAndTargets").asInt()).isZero();
        JsonNode crossing = source.price(NEAR, "4.75").json();

        assertThat(crossing.path("stopsAndTargets").asInt()).isEqualTo(1);
        JsonNode closed = trader.awaitPositions("the take-profit to close the short", "closed", p -> p.size() == 1)
                .get(0);
        JsonNode closing = closeOrder(trader);
        assertThat(closing.path("side").asText()).isEqualTo("BUY");
        assertThat(closing.path("strategy").asText()).isEqualTo("take-profit");
        assertThat(decimal(closed, "realizedPnl")).isPositive();
    }

    private JsonNode closeOrder(Trader trader) {
        return trader.orders(null).stream().filter(o -> "CLOSE".equals(o.path("intent").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no close order for " + trader.id()));
    }

    private Trader follower(Map<String, ?> settings) {
        return Trader.following(target, "stop loss", source, settings);
    }
}
