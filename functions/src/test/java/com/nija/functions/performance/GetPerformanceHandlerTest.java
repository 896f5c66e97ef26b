package com.nija.functions.performance;

import static com.nija.functions.support.ApiResponses.noValue;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.config.PlatformClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GetPerformanceHandlerTest {
    private final GetPerformanceHandler handler = new GetPerformanceHandler(LocalBackends.get().context());

    private APIGatewayV2HTTPResponse get(String userId, Map<String, String> query) {
        return handler.handleRequest(Events.withQuery(Events.http("api/get-performance.json", userId), query), null);
    }

    @Test
    @DisplayName("three wins and one loss today show exact P&L, win rate, profit factor and average win and loss over 7 days")
    void sevenDaysFromRollups() {
        TraderFixture trader = TraderFixture.newTrader();
        Instant now = PlatformClock.system().instant();
        trader.rollupClose(now, "1.25", "1000", "120.00")
              .rollupClose(now, "1.00", "1000", "80.00")
              .rollupClose(now, "1.00", "1000", "50.00")
              .rollupClose(now, "1.00", "1000", "-100.00");

        JsonNode report = ok(get(trader.userId(), Map.of("period", "7d")));

        assertThat(report.path("period").asText()).isEqualTo("7d");
        assertThat(report.path("realizedPnl").asText()).isEqualTo("150.00");
        assertThat(report.path("totalPnl").asText()).isEqualTo("150.00");
        assertThat(report.path("fees").asText()).isEqualTo("4.25");
        assertThat(report.path("closedTrades").asLong()).isEqualTo(4);
        assertThat(report.path("wins").asLong()).isEqualTo(3);
        assertThat(report.path("losses").asLong()).isEqualTo(1);
        assertThat(report.path("winRate").asText()).isEqualTo("0.7500");
        assertThat(report.path("profitFactor").asText()).isEqualTo("2.5000");   // 250 won / 100 lost
        assertThat(report.path("averageWin").asText()).isEqualTo("83.33");      // 250 / 3
        assertThat(report.path("averageLoss").asText()).isEqualTo("100.00");
        assertThat(report.path("expectancy").asText()).isEqualTo("37.50");      // 150 / 4
        assertThat(report.path("startEquity").asText()).isEqualTo("10000.00");
        assertThat(report.path("endEquity").asText()).isEqualTo("10150.00");
        JsonNode curve = report.path("equityCurve");
        assertThat(curve).hasSize(7);
        assertThat(curve.get(6).path("equity").asText()).isEqualTo("10150.00");
        assertThat(curve.get(6).path("pnl").asText()).isEqualTo("150.00");
        assertThat(texts(curve, "pnl").subList(0, 6)).containsOnly("0.00");
    }

    @Test
    @DisplayName("a loss eight days ago counts for 30 days but not for 7")
    void periodBoundsWhatCounts() {
        TraderFixture trader = TraderFixture.newTrader();
        Instant now = PlatformClock.system().instant();
        trader.rollupClose(now, "1.00", "1000", "120.00")
              .rollupClose(now.minus(8, ChronoUnit.DAYS), "1.00", "1000", "-40.00");

        JsonNode week = ok(get(trader.userId(), Map.of("period", "7d")));
        JsonNode month = ok(get(trader.userId(), Map.of("period", "30d")));

        assertThat(week.path("realizedPnl").asText()).isEqualTo("120.00");
        assertThat(week.path("closedTrades").asLong()).isEqualTo(1);
        assertThat(week.path("startEquity").asText()).isEqualTo("9960.00"); // the older loss is already in it
        assertThat(month.path("realizedPnl").asText()).isEqualTo("80.00");
        assertThat(month.path("closedTrades").asLong()).isEqualTo(2);
        assertThat(month.path("winRate").asText()).isEqualTo("0.5000");
        assertThat(month.path("startEquity").asText()).isEqualTo("10000.00");
    }

    @ParameterizedTest(name = "period={0}")
    @ValueSource(strings = {"2w", "7D", "", "forever"})
    @DisplayName("a period that is not 1d, 7d, 30d, 90d, 1y or all is refused with 400 naming period")
    void unknownPeriod(String period) {
        TraderFixture trader = TraderFixture.newTrader();

        JsonNode body = problem(get(trader.userId(), Map.of("period", period)), 400, "invalid-input");

        assertThat(texts(body.path("errors"), "field")).containsExactly("period");
    }

    @Test
    @DisplayName("a trader with no trades gets zeros and no ratios rather than made-up numbers")
    void noData() {
        TraderFixture trader = TraderFixture.newTrader();

        JsonNode report = ok(get(trader.userId(), Map.of("period", "7d")));

        assertThat(report.path("realizedPnl").asText()).isEqualTo("0.00");
        assertThat(report.path("totalPnl").asText()).isEqualTo("0.00");
        assertThat(report.path("fees").asText()).isEqualTo("0.00");
        assertThat(report.path("closedTrades").asLong()).isZero();
        assertThat(report.path("wins").asLong()).isZero();
        assertThat(report.path("losses").asLong()).isZero();
        assertThat(report.path("maxDrawdown").asText()).isEqualTo("0.00");
        for (String ratio : new String[] {"winRate", "profitFactor", "averageWin", "averageLoss", "expectancy",
                "sharpe", "sortino"}) {
            assertThat(noValue(report, ratio)).as(ratio).isTrue();
        }
        assertThat(report.path("equityCurve")).hasSize(7);
    }

    @Test
    @DisplayName("the sample event (period=30d) and every listed period answer 200")
    void everyPeriod() {
        TraderFixture trader = TraderFixture.newTrader();
        trader.rollupClose(PlatformClock.system().instant(), "1.00", "1000", "10.00");

        JsonNode sample = ok(handler.handleRequest(Events.http("api/get-performance.json", trader.userId()), null));
        assertThat(sample.path("period").asText()).isEqualTo("30d");
        assertThat(sample.path("equityCurve")).hasSize(30);
        for (String period : new String[] {"1d", "7d", "30d", "90d", "1y", "all"}) {
            JsonNode report = ok(get(trader.userId(), Map.of("period", period)));
            assertThat(report.path("realizedPnl").asText()).as(period).isEqualTo("10.00");
        }
    }
}
