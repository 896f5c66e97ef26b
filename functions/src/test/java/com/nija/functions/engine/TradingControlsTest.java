package com.nija.functions.engine;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.admin.KillSwitchHandler;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.Rewired;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.account.BotState;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.OrderItem;
import com.nija.shared.engine.ExecutionResult;
import com.nija.shared.engine.KillSwitch;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.TradingControls;
import com.nija.shared.engine.TradingEngine;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderTrigger;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A trader's pause and resume, and the operators' global kill switch: both stop new orders, neither stops a
 * stop-loss from closing a position. (Pause and resume are set through {@link TradingControls}, the service behind
 * {@code POST /api/v1/trading/pause|resume}.)
 */
class TradingControlsTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final OrderExecutorHandler executor = new OrderExecutorHandler(context);
    private final KillSwitchHandler killSwitchHandler = new KillSwitchHandler(context);

    @AfterEach
    void killSwitchOff() {
        // The switch is global: never leave it engaged for the test classes that follow.
        context.getBean(KillSwitch.class).set(false, null, "test-cleanup");
    }

    private OrderItem deliver(OrderRequest request) {
        executor.handleRequest(SqsEvents.order(request), null);
        return Books.of(request.userId()).orderFor(request).orElseThrow();
    }

    private static APIGatewayV2HTTPEvent killSwitch(String body, String groups) {
        APIGatewayV2HTTPEvent event = Events.withBody(Events.http("api/kill-switch.json"), body);
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        if (groups == null) claims.remove("cognito:groups");
        else claims.put("cognito:groups", groups);
        jwt.setClaims(claims);
        return event;
    }

    @Test
    @DisplayName("a paused trader's next signal is refused \"bot is paused\", a stop-loss still closes, and after resume orders fill again")
    void pauseAndResume() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        OrderItem opened = deliver(TestSignals.buy(symbol).usd("200").stopLossAt("95").forTrader(trader.userId()));
        String otherSymbol = TestSignals.uniqueSymbol();
        trader.price(otherSymbol, "10");
        TradingControls controls = context.getBean(TradingControls.class);

        controls.setBotState(trader.userId(), BotState.PAUSED);
        OrderItem whilePaused = deliver(TestSignals.buy(otherSymbol).usd("100").forTrader(trader.userId()));
        trader.price(symbol, "94");
        OrderItem stopLoss = deliver(TestSignals.stopLossClose(trader.userId(), opened.positionId(), symbol));
        controls.setBotState(trader.userId(), BotState.RUNNING);
        OrderItem afterResume = deliver(TestSignals.buy(otherSymbol).usd("100").forTrader(trader.userId()));

        assertThat(whilePaused.status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(whilePaused.reason()).isEqualTo("bot is paused");
        assertThat(stopLoss.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(stopLoss.strategy()).isEqualTo("stop-loss");
        assertThat(Books.of(trader.userId()).position(opened.positionId()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(afterResume.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    @DisplayName("a trader who is not an admin gets 403 from the kill switch and it stays off")
    void killSwitchNeedsAdmin() {
        APIGatewayV2HTTPResponse noGroup = killSwitchHandler.handleRequest(
                killSwitch("{\"engaged\": true, \"reason\": \"prank\"}", null), null);
        APIGatewayV2HTTPResponse traderGroup = killSwitchHandler.handleRequest(
                killSwitch("{\"engaged\": true, \"reason\": \"prank\"}", "[traders]"), null);

        problem(noGroup, 403, "forbidden");
        problem(traderGroup, 403, "forbidden");
        assertThat(Rewired.build(KillSwitch.class).engaged()).isEmpty();
    }

    @Test
    @DisplayName("an admin engaging the kill switch stops new orders here and, once it rereads the switch, on another instance; stop-losses still close; disengaged, orders resume")
    void killSwitchStopsAndResumesOrders() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        OrderItem opened = deliver(TestSignals.buy(symbol).usd("200").stopLossAt("95").forTrader(trader.userId()));
        String otherSymbol = TestSignals.uniqueSymbol();
        trader.price(otherSymbol, "10");
        // Another executor instance that read the switch (off) just before it was engaged.
        KillSwitch elsewhere = Rewired.build(KillSwitch.class);
        TradingEngine engineElsewhere = Rewired.build(TradingEngine.class, elsewhere);
        assertThat(elsewhere.engaged()).isEmpty();

        JsonNode engaged = ok(killSwitchHandler.handleRequest(
                killSwitch("{\"engaged\": true, \"reason\": \"exchange outage\"}", "[admin]"), null));
        // How soon is the refresh interval's business (a setting); this test holds that the other instance sees it.
        await("the other instance to see the switch").atMost(Duration.ofSeconds(10))
                .until(() -> elsewhere.engaged().isPresent());
        ExecutionResult refusedElsewhere = engineElsewhere.execute(
                TestSignals.buy(otherSymbol).usd("100").forTrader(trader.userId()), false, false);
        OrderItem refusedHere = deliver(TestSignals.buy(otherSymbol).usd("100").forTrader(trader.userId()));
        trader.price(symbol, "94");
        OrderItem stopLoss = deliver(TestSignals.stopLossClose(trader.userId(), opened.positionId(), symbol));
        JsonNode disengaged = ok(killSwitchHandler.handleRequest(killSwitch("{\"engaged\": false}", "[admin]"), null));
        OrderItem afterwards = deliver(TestSignals.buy(otherSymbol).usd("100").forTrader(trader.userId()));

        assertThat(engaged.path("engaged").asBoolean()).isTrue();
        assertThat(refusedElsewhere.order().status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(refusedElsewhere.order().reason()).isEqualTo("kill switch engaged: exchange outage");
        assertThat(refusedHere.status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(refusedHere.reason()).isEqualTo("kill switch engaged: exchange outage");
        assertThat(stopLoss.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(disengaged.path("engaged").asBoolean()).isFalse();
        assertThat(afterwards.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(Books.of(trader.userId()).paperOrders()).hasSize(3); // the open, the stop-loss, the buy afterwards
    }
}
