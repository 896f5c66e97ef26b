package com.nija.it;

import static com.nija.it.support.Money.cents;
import static com.nija.it.support.Money.decimal;
import static com.nija.it.support.Money.money;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import com.nija.shared.observability.InMemoryMetricsSink;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A signal over real HTTP becomes orders for the traders who follow its source: intake → signals queue → fan-out →
 * orders FIFO queue → executor → paper broker → DynamoDB, and back out through the trader's API. Every test has its
 * own source, price feed and new traders, and trades a market no other test class touches.
 */
@PlatformTest
@DisplayName("Signals trade for the traders who follow them")
class SignalFlowIT {
    private static final String LINK = "LINK-USD";
    private static final String UNI = "UNI-USD";
    private static final String ATOM = "ATOM-USD";
    private static final BigDecimal STARTING_CASH = new BigDecimal("10000");
    /**
     * The paper broker's defaults: 5 bps slippage against the trader (prices are quoted with two decimals so the
     * slipped price is exact at the broker's precision of two more decimals than the quote).
     */
    private static final BigDecimal SLIPPAGE = new BigDecimal("0.0005");

    private final ApiTarget target;
    private final SignalSource source;

    SignalFlowIT(ApiTarget target) {
        this.target = target;
        this.source = SignalSource.register(target, "a signal flow test");
    }

    @Test
    @DisplayName("a buy is accepted with 202 and fills into an open position; the same signal again gets 200 with "
            + "the first answer and no second order; the exit closes the position and performance and dashboard "
            + "show the realized P&L")
    void buyRepeatAndExit() {
        Trader trader = follower(Map.of("allowedSymbols", List.of(LINK), "positionSizePct", "5"));
        source.price(LINK, "20.00");
        Map<String, Object> buy = signal("buy", LINK);
        InMemoryMetricsSink metrics = target.platform("counting duplicate signals").metrics();

        ApiResponse accepted = source.send(buy).expect(202);

        JsonNode answer = accepted.json();
        assertThat(answer.path("signalId").asText()).isEqualTo(buy.get("signalId"));
        assertThat(answer.path("status").asText()).isEqualTo("accepted");
        assertThat(answer.path("symbol").asText()).isEqualTo(LINK);
        JsonNode opening = trader.awaitOrders("the buy to fill", "filled", o -> o.size() == 1).get(0);
        assertThat(opening.path("side").asText()).isEqualTo("BUY");
        assertThat(opening.path("intent").asText()).isEqualTo("OPEN");
        assertThat(opening.path("signalId").asText()).isEqualTo(buy.get("signalId"));
        assertThat(opening.path("source").asText()).isEqualTo(source.id());
        assertThat(decimal(opening, "fillPrice")).isEqualByComparingTo(withSlippage("20", true));
        // 5% of the $10,000 paper account, in LINK at the fill's price basis (the market price)
        assertThat(decimal(opening, "quantity")).isEqualByComparingTo("25");
        // The order is recorded before its fill is applied to the position: wait for the position, do not race it.
        List<JsonNode> open = trader.awaitPositions("the position the buy opened", "open", p -> p.size() == 1);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("positionId").asText()).isEqualTo(opening.path("positionId").asText());
        assertThat(open.get(0).path("symbol").asText()).isEqualTo(LINK);
        assertThat(open.get(0).path("side").asText()).isEqualTo("LONG");
        assertThat(decimal(open.get(0), "entryPrice")).isEqualByComparingTo(decimal(opening, "fillPrice"));

        double duplicates = metrics.total("SignalDuplicate");
        ApiResponse repeat = source.send(buy);

        repeat.expect(200);
        assertThat(repeat.json()).isEqualTo(answer);
        assertThat(metrics.total("SignalDuplicate")).isEqualTo(duplicates + 1);
        assertThat(trader.orders(null)).hasSize(1);

        source.price(LINK, "22.00");
        Map<String, Object> exit = signal("exit", LINK);
        source.send(exit).expect(202);

        JsonNode closed = trader.awaitPositions("the exit to close the position", "closed", p -> p.size() == 1).get(0);
        assertThat(trader.positions("open")).isEmpty();
        List<JsonNode> orders = trader.orders(null);
        assertThat(orders).as("the repeated buy placed nothing: one open, one close").hasSize(2);
        JsonNode closing = orders.stream().filter(o -> "CLOSE".equals(o.path("intent").asText())).findFirst()
                .orElseThrow();
        assertThat(closing.path("status").asText()).isEqualTo("FILLED");
        assertThat(closing.path("side").asText()).isEqualTo("SELL");
        assertThat(closing.path("signalId").asText()).isEqualTo(exit.get("signalId"));
        assertThat(decimal(closing, "fillPrice")).isEqualByComparingTo(withSlippage("22", false));
        // the position's price move net of both fees, to the cent
        BigDecimal realized = money(decimal(closing, "fillPrice").subtract(decimal(opening, "fillPrice"))
                .multiply(decimal(opening, "quantity"))
                .subtract(decimal(opening, "fee")).subtract(decimal(closing, "fee")));
        assertThat(realized).isPositive();
        assertThat(cents(closed, "realizedPnl")).isEqualByComparingTo(realized);
        assertThat(decimal(closed, "exitPrice")).isEqualByComparingTo(decimal(closing, "fillPrice"));
        List<JsonNode> trades = trader.trades();
        assertThat(trades).hasSize(2);
        assertThat(trades.stream().filter(t -> t.hasNonNull("realizedPnl")).map(t -> cents(t, "realizedPnl")).toList())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(realized);
        JsonNode performance = trader.performance("all");
        assertThat(cents(performance, "realizedPnl")).isEqualByComparingTo(realized);
        assertThat(performance.path("closedTrades").asLong()).isEqualTo(1);
        assertThat(performance.path("wins").asLong()).isEqualTo(1);
        JsonNode dashboard = trader.dashboard();
        assertThat(decimal(dashboard, "cash")).isEqualByComparingTo(STARTING_CASH.add(realized));
        assertThat(decimal(dashboard, "equity")).isEqualByComparingTo(STARTING_CASH.add(realized));
        assertThat(cents(dashboard, "todayRealizedPnl")).isEqualByComparingTo(realized);
        assertThat(dashboard.path("openPositions").asInt()).isZero();
    }

    @Test
    @DisplayName("a signal for a market a follower does not allow places no order for them, while a follower of "
            + "every market trades it")
    void disallowedSymbolPlacesNothing() {
        Trader picky = follower(Map.of("allowedSymbols", List.of(LINK)));
        Trader everything = follower(Map.of());
        source.price(UNI, "8");

        source.send(signal("buy", UNI)).expect(202);

        JsonNode witness = everything.awaitOrders("the other follower's order", "filled", o -> o.size() == 1).get(0);
        assertThat(witness.path("symbol").asText()).isEqualTo(UNI);
        assertThat(picky.orders(null)).isEmpty();
        assertThat(picky.positions(null)).isEmpty();
    }

    @Test
    @DisplayName("TradingView's shape — source and secret in the body, ticker without a dash, action close — exits "
            + "the position")
    void tradingViewCloseExits() {
        Trader trader = follower(Map.of("allowedSymbols", List.of(ATOM)));
        source.price(ATOM, "10");
        source.send(signal("buy", ATOM)).expect(202);
        JsonNode position = trader.awaitPositions("the buy to open a position", "open", p -> p.size() == 1).get(0);
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("source", source.id());
        alert.put("secret", source.secret());
        alert.put("ticker", "ATOMUSD");
        alert.put("action", "close");
        alert.put("comment", "fields TradingView adds are ignored");

        ApiResponse accepted = source.sendUnsigned(alert);

        accepted.expect(202);
        assertThat(accepted.json().path("symbol").asText()).isEqualTo(ATOM);
        assertThat(accepted.json().path("action").asText()).isEqualTo("exit");
        JsonNode closed = trader.awaitPositions("the close alert to exit", "closed", p -> p.size() == 1).get(0);
        assertThat(closed.path("positionId").asText()).isEqualTo(position.path("positionId").asText());
        JsonNode closing = trader.orders("filled").stream()
                .filter(o -> "CLOSE".equals(o.path("intent").asText())).findFirst().orElseThrow();
        assertThat(closing.path("signalId").asText()).isEqualTo(accepted.json().path("signalId").asText());
        assertThat(trader.positions("open")).isEmpty();
    }

    @Test
    @DisplayName("a text/plain alert that is not JSON is refused with 400 and says why")
    void plainTextIsRefused() {
        ApiResponse refused = source.sendRaw("LINKUSD crossed up, buy now!", "text/plain");

        JsonNode problem = refused.problem(400);
        assertThat(problem.toString()).contains("JSON").contains("text/plain");
    }

    @Test
    @DisplayName("a wrong signature or a wrong body secret is refused with 401 and records nothing: the same "
            + "signal signed properly is then accepted as new")
    void badSignatureIsRefused() {
        Map<String, Object> buy = signal("buy", LINK);
        Map<String, Object> wrongSecret = new LinkedHashMap<>(buy);
        wrongSecret.put("source", source.id());
        wrongSecret.put("secret", "not-" + source.secret());

        JsonNode badSignature = source.sendSignedWith("not-" + source.secret(), buy).problem(401);
        source.sendUnsigned(wrongSecret).problem(401);

        assertThat(badSignature.toString()).doesNotContain(source.secret());
        source.send(buy).expect(202);
    }

    private Trader follower(Map<String, ?> settings) {
        return Trader.following(target, "signal flow", source, settings);
    }

    private static Map<String, Object> signal(String action, String symbol) {
        Map<String, Object> s = SignalSource.signal(action, symbol);
        s.put("strategy", "it-trend");
        return s;
    }

    private static BigDecimal withSlippage(String market, boolean buy) {
        BigDecimal m = new BigDecimal(market);
        return buy ? m.add(m.multiply(SLIPPAGE)) : m.subtract(m.multiply(SLIPPAGE));
    }
}
