package com.nija.functions.dashboard;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.BotState;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.trading.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GetDashboardHandlerTest {
    private final GetDashboardHandler handler = new GetDashboardHandler(LocalBackends.get().context());

    private JsonNode dashboard(String userId) {
        return ok(handler.handleRequest(Events.http("api/get-dashboard.json", userId), null));
    }

    /**
     * Starting balance 10,000.00; +50.00 realized today; long 0.1 BTC @ 60,000 (fee 6.00) now 61,000; short 1 ETH
     * @ 3,000 (fee 3.00) now 2,900. Cash = 10,000 + 50 − 6,000 − 6 + 3,000 − 3 = 7,041.00;
     * equity = cash + 6,100 − 2,900 = 10,241.00; exposure = 6,100 + 2,900 = 9,000.00.
     */
    static TraderFixture seededTrader() {
        TraderFixture trader = TraderFixture.newTrader()
                .profile("pro", BotState.RUNNING, "10000.00")
                .price("BTC-USD", "61000")
                .price("ETH-USD", "2900")
                .rollupClose(PlatformClock.system().instant(), "1.00", "1000", "50.00");
        trader.openPosition("p-btc", "BTC-USD", Side.LONG, "0.1", "60000", "6.00");
        trader.openPosition("p-eth", "ETH-USD", Side.SHORT, "1", "3000", "3.00");
        trader.closedPosition("p-sol", "SOL-USD", Side.LONG, "10", "140", "145.1", "50.00", "1.00");
        trader.saveSettings(TraderFixture.settings(true), 0);
        return trader;
    }

    @Test
    @DisplayName("equity is cash plus the signed market value of open positions, with exposure and today's P&L")
    void equityCashExposure() {
        TraderFixture trader = seededTrader();

        JsonNode d = dashboard(trader.userId());

        assertThat(d.path("cash").asText()).isEqualTo("7041.00");
        assertThat(d.path("equity").asText()).isEqualTo("10241.00");
        assertThat(new BigDecimal(d.path("equity").asText()))
                .isEqualByComparingTo(new BigDecimal(d.path("cash").asText()).add(new BigDecimal("6100")).subtract(new BigDecimal("2900")));
        assertThat(d.path("openPositions").asInt()).isEqualTo(2);
        assertThat(texts(d.path("positions"), "positionId")).containsExactlyInAnyOrder("p-btc", "p-eth");
        assertThat(d.path("exposure").asText()).isEqualTo("9000.00");
        assertThat(d.path("exposurePct").asText()).isEqualTo("87.88");      // 9,000 / 10,241
        assertThat(d.path("unrealizedPnl").asText()).isEqualTo("200.00");   // +100 long, +100 short
        assertThat(d.path("todayRealizedPnl").asText()).isEqualTo("50.00");
        assertThat(d.path("todayPnl").asText()).isEqualTo("250.00");
    }

    @Test
    @DisplayName("shows the trader's tier and that the bot is running when trading is on")
    void tierAndBotRunning() {
        TraderFixture trader = seededTrader();

        JsonNode d = dashboard(trader.userId());

        assertThat(d.path("tier").asText()).isEqualTo("pro");
        assertThat(d.path("botState").asText()).isEqualTo("running");
        assertThat(d.path("tradingEnabled").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a paused bot shows as paused; trading switched off shows as disabled")
    void botPausedOrDisabled() {
        TraderFixture paused = TraderFixture.newTrader().profile("basic", BotState.PAUSED, "10000.00");
        paused.saveSettings(TraderFixture.settings(true), 0);
        TraderFixture off = TraderFixture.newTrader().profile("basic", BotState.RUNNING, "10000.00");
        off.saveSettings(TraderFixture.settings(false), 0);

        JsonNode pausedView = dashboard(paused.userId());
        JsonNode offView = dashboard(off.userId());

        assertThat(pausedView.path("botState").asText()).isEqualTo("paused");
        assertThat(pausedView.path("tier").asText()).isEqualTo("basic");
        assertThat(offView.path("botState").asText()).isEqualTo("disabled");
        assertThat(offView.path("tradingEnabled").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("lastTrades holds at most the 10 newest trades, newest first")
    void lastTenTrades() {
        TraderFixture trader = TraderFixture.newTrader();
        Instant start = PlatformClock.system().instant().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = String.format("tr-%02d", i);
            trader.trade(id, "BTC-USD", "BUY", "0.01", "60000", start.plus(i, ChronoUnit.MINUTES));
            newestFirst.add(0, id);
        }

        JsonNode d = dashboard(trader.userId());

        assertThat(texts(d.path("lastTrades"), "tradeId")).containsExactlyElementsOf(newestFirst.subList(0, 10));
    }

    @Test
    @DisplayName("a new trader sees the free tier, the $10,000 paper account and nothing open")
    void newTrader() {
        TraderFixture trader = TraderFixture.newTrader();

        JsonNode d = dashboard(trader.userId());

        assertThat(d.path("tier").asText()).isEqualTo("free");
        assertThat(d.path("equity").asText()).isEqualTo("10000.00");
        assertThat(d.path("cash").asText()).isEqualTo("10000.00");
        assertThat(d.path("openPositions").asInt()).isZero();
        assertThat(d.path("exposure").asText()).isEqualTo("0.00");
        assertThat(d.path("lastTrades")).isEmpty();
        assertThat(d.path("botState").asText()).isEqualTo("disabled");
    }
}
