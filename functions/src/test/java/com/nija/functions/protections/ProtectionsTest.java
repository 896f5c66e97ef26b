package com.nija.functions.protections;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.support.ApiResponses;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.OrderItem;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.trading.Side;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Protections as a trader meets them: through the engine (a drawdown stop, a cooling symbol or a reached profit target
 * refuses new entries and says which protection fired, while exits go through) and through
 * {@code GET/PUT /api/v1/protections}.
 */
class ProtectionsTest {
    private static final String GUARD_2_IN_60 = "\"stoplossGuardTrades\":2,\"stoplossGuardLookbackMinutes\":60,"
            + "\"stoplossGuardStopMinutes\":120";

    private final ApplicationContext context = LocalBackends.get().context();
    private final OrderExecutorHandler executor = new OrderExecutorHandler(context);
    private final GetProtectionsHandler get = new GetProtectionsHandler(context);
    private final PutProtectionsHandler put = new PutProtectionsHandler(context);

    private OrderItem execute(OrderRequest request) {
        executor.handleRequest(SqsEvents.order(request), null);
        return Books.of(request.userId()).orderFor(request).orElseThrow();
    }

    private JsonNode view(String userId) {
        return ok(get.handleRequest(Events.http("api/get-protections.json", userId), null));
    }

    private JsonNode save(String userId, long version, String fields) {
        APIGatewayV2HTTPEvent event = Events.withBody(Events.http("api/put-protections.json", userId),
                "{" + fields + "}");
        return ok(put.handleRequest(Events.withHeader(event, "If-Match", "\"" + version + "\""), null));
    }

    /** Two days ago, a closed round trip lost {@code loss}: equity starts the test that far below the $10,000. */
    private static TraderFixture traderDown(String loss) {
        return TradingSetup.trader().dailyLossLimit("100000").create()
                .rollupClose(PlatformClock.system().instant().minusSeconds(2 * 86_400), "5.00", "20000", "-" + loss);
    }

    @Test
    @DisplayName("20 % below the starting balance, a new entry is refused as a drawdown stop while an exit still closes")
    void drawdownStopsEntriesNotExits() {
        TraderFixture trader = traderDown("1999.90");
        String held = TestSignals.uniqueSymbol();
        trader.price(held, "100").openPosition("p-" + held, held, Side.LONG, "1", "100", "0.10");
        String other = TestSignals.uniqueSymbol();
        trader.price(other, "50");

        OrderItem entry = execute(TestSignals.buy(other).usd("100").forTrader(trader.userId()));
        OrderItem exit = execute(TestSignals.exit(held).forTrader(trader.userId()));

        assertThat(entry.status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(entry.reason())
                .startsWith("protection drawdown-stop: equity 8000.00 is 20.00% below its peak of 10000.00");
        assertThat(exit.status()).isEqualTo(OrderStatus.FILLED);
        JsonNode view = view(trader.userId());
        assertThat(view.path("drawdownLevel").asText()).isEqualTo("STOPPED");
        assertThat(new java.math.BigDecimal(view.path("equityPeak").asText())).isEqualByComparingTo("10000");
        assertThat(view.path("trips")).singleElement()
                .satisfies(t -> assertThat(t.path("kind").asText()).isEqualTo("drawdown-stop"));
    }

    @Test
    @DisplayName("past the warning the trader is told once and keeps trading; restarting the peak lifts a stop")
    void warningOnceThenResetPeak() {
        TraderFixture trader = traderDown("1600.00");
        String first = TestSignals.uniqueSymbol();
        String second = TestSignals.uniqueSymbol();
        trader.price(first, "100").price(second, "100");

        OrderItem a = execute(TestSignals.buy(first).usd("100").forTrader(trader.userId()));
        OrderItem b = execute(TestSignals.buy(second).usd("100").forTrader(trader.userId()));
        save(trader.userId(), 0, "\"drawdownWarnPct\":\"5\",\"drawdownStopPct\":\"10\"," + GUARD_2_IN_60);
        String third = TestSignals.uniqueSymbol();
        trader.price(third, "100");
        OrderItem stopped = execute(TestSignals.buy(third).usd("100").forTrader(trader.userId()));
        JsonNode reset = save(trader.userId(), 1, "\"drawdownWarnPct\":\"5\",\"drawdownStopPct\":\"10\","
                + GUARD_2_IN_60 + ",\"resetPeak\":true");
        OrderItem resumed = execute(TestSignals.buy(third).id("after-reset").usd("100").forTrader(trader.userId()));

        assertThat(List.of(a.status(), b.status())).containsOnly(OrderStatus.FILLED);
        assertThat(stopped.reason()).startsWith("protection drawdown-stop:");
        assertThat(reset.has("equityPeak")).as("peak restarted").isFalse();
        assertThat(reset.path("drawdownLevel").asText()).isEqualTo("NONE");
        assertThat(resumed.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(view(trader.userId()).path("trips")).extracting(t -> t.path("kind").asText())
                .containsExactly("drawdown-stop", "drawdown-warning");
    }

    @Test
    @DisplayName("two losing stop-losses on a symbol cool it down: its entries are refused, others trade, a redelivered stop counts once")
    void stoplossGuardCoolsASymbol() {
        TraderFixture trader = TradingSetup.trader().create();
        save(trader.userId(), 0, "\"drawdownWarnPct\":\"15\",\"drawdownStopPct\":\"20\"," + GUARD_2_IN_60);
        String symbol = TestSignals.uniqueSymbol();
        for (int i = 1; i <= 2; i++) {
            trader.price(symbol, "100").openPosition("p-" + i, symbol, Side.LONG, "1", "100", "0.10");
            trader.price(symbol, "95");
            OrderRequest stop = TestSignals.stopLossClose(trader.userId(), "p-" + i, symbol);
            assertThat(execute(stop).status()).isEqualTo(OrderStatus.FILLED);
            if (i == 1) {
                execute(stop); // redelivered: the same order, not a second hit
                assertThat(view(trader.userId()).path("coolingDown")).isEmpty();
            }
        }
        String other = TestSignals.uniqueSymbol();
        trader.price(other, "10");

        OrderItem cooled = execute(TestSignals.buy(symbol).usd("100").forTrader(trader.userId()));
        OrderItem elsewhere = execute(TestSignals.buy(other).usd("100").forTrader(trader.userId()));

        assertThat(cooled.status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(cooled.reason()).startsWith("protection stoploss-guard: 2 losing stop-losses on " + symbol
                + " within 60 minutes; new " + symbol + " entries resume at ");
        assertThat(elsewhere.status()).isEqualTo(OrderStatus.FILLED);
        JsonNode view = view(trader.userId());
        assertThat(view.path("coolingDown")).singleElement()
                .satisfies(c -> assertThat(c.path("symbol").asText()).isEqualTo(symbol));
        assertThat(view.path("trips").get(0).path("kind").asText()).isEqualTo("stoploss-guard");
    }

    @Test
    @DisplayName("with today's profit at the daily target, new entries stop and the trader reads why")
    void dailyProfitTarget() {
        TraderFixture trader = TradingSetup.trader().create()
                .rollupClose(PlatformClock.system().instant(), "2.00", "3000", "320.00");
        save(trader.userId(), 0, "\"drawdownWarnPct\":\"15\",\"drawdownStopPct\":\"20\",\"stoplossGuardTrades\":0,"
                + "\"stoplossGuardLookbackMinutes\":60,\"stoplossGuardStopMinutes\":60,\"dailyProfitTarget\":\"300\"");
        String symbol = TestSignals.uniqueSymbol();
        trader.price(symbol, "100");

        OrderItem entry = execute(TestSignals.buy(symbol).usd("100").forTrader(trader.userId()));

        assertThat(entry.reason()).isEqualTo("protection daily-profit-target: today's realized profit 320.00 reached "
                + "the daily target of 300.00; new entries resume tomorrow (UTC)");
        assertThat(view(trader.userId()).path("profitTargetReachedToday").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("GET shows NIJA's defaults until saved; a broken rule is refused naming the field and nothing is saved")
    void settingsRoutes() {
        TraderFixture trader = TraderFixture.newTrader();
        JsonNode defaults = view(trader.userId());
        APIGatewayV2HTTPEvent bad = Events.withBody(Events.http("api/put-protections.json", trader.userId()),
                "{\"drawdownWarnPct\":\"25\",\"drawdownStopPct\":\"20\"," + GUARD_2_IN_60 + "}");

        JsonNode refusal = problem(put.handleRequest(bad, null), 422, "rule-violation");
        JsonNode noVersion = problem(put.handleRequest(Events.withHeader(Events.http("api/put-protections.json",
                trader.userId()), "If-Match", null), null), 428, "precondition-required");

        assertThat(defaults.path("settings").path("drawdownWarnPct").asText()).isEqualTo("15");
        assertThat(defaults.path("settings").path("drawdownStopPct").asText()).isEqualTo("20");
        assertThat(defaults.path("settings").path("version").asLong()).isZero();
        assertThat(refusal.toString()).contains("drawdownWarnPct", "must be below drawdownStopPct");
        assertThat(noVersion.path("detail").asText()).contains("If-Match");
        assertThat(view(trader.userId()).path("settings").path("version").asLong()).isZero();
        assertThat(ApiResponses.header(get.handleRequest(Events.http("api/get-protections.json", trader.userId()), null),
                "ETag")).isEqualTo("\"0\"");
    }
}
