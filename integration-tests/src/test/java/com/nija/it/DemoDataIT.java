package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import com.nija.local.platform.LocalPlatform;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What someone trying the platform with {@code --demo} sees for {@code demo-trader}. */
@PlatformTest
@DisplayName("The demo trader's 90 days of history")
class DemoDataIT {
    /** DemoSeeder: 160 closed round trips and 3 positions still open. */
    private static final int CLOSED = 160;
    private static final int OPEN = 3;

    private final ApiTarget target;
    private final Api api;

    DemoDataIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    @BeforeEach
    void onlyForTheDemoTrader() {
        assumeTrue(LocalPlatform.DEMO_TRADER.equals(target.trader()), () -> "Skipped: the token's trader is "
                + target.trader() + ", not the seeded " + LocalPlatform.DEMO_TRADER);
    }

    @Test
    @DisplayName("the dashboard shows 3 open positions valued at the latest prices, money as exact decimals")
    void dashboard() {
        JsonNode dashboard = api.get("/api/v1/dashboard", target.traderToken()).ok();

        assertThat(dashboard.path("openPositions").asInt()).isEqualTo(OPEN);
        assertThat(dashboard.path("positions")).hasSize(OPEN).allSatisfy(p -> {
            assertThat(p.path("status").asText()).isEqualTo("OPEN");
            assertThat(p.path("currentPrice").isTextual()).as("currentPrice as a decimal string: %s", p).isTrue();
            assertThat(p.path("unrealizedPnl").isTextual()).as("unrealizedPnl as a decimal string: %s", p).isTrue();
        });
        assertThat(dashboard.path("tier").asText()).isEqualTo("pro");
        for (String money : List.of("equity", "cash", "todayPnl", "exposure")) {
            assertThat(dashboard.path(money).isTextual()).as("%s as a decimal string: %s", money, dashboard).isTrue();
            new BigDecimal(dashboard.path(money).asText());
        }
        JsonNode last = dashboard.path("lastTrades");
        assertThat(last).hasSize(10);
        for (int i = 1; i < last.size(); i++) {
            assertThat(Instant.parse(last.get(i).path("executedAt").asText()))
                    .isBeforeOrEqualTo(Instant.parse(last.get(i - 1).path("executedAt").asText()));
        }
    }

    @Test
    @DisplayName("positions: the 3 open ones unless asked otherwise; the 160 closed ones a page at a time, each once")
    void positions() {
        assertThat(api.get("/api/v1/positions", target.traderToken()).ok().path("positions")).hasSize(OPEN)
                .allSatisfy(p -> assertThat(p.path("status").asText()).isEqualTo("OPEN"));
        assertThat(api.get("/api/v1/positions?status=open", target.traderToken()).ok().path("positions"))
                .hasSize(OPEN);

        List<String> closedIds = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/positions?status=closed&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), target.traderToken()).ok();
            page.path("positions").forEach(p -> {
                assertThat(p.path("status").asText()).isEqualTo("CLOSED");
                assertThat(p.path("realizedPnl").isTextual()).as("realizedPnl as a decimal string: %s", p).isTrue();
                closedIds.add(p.path("positionId").asText());
            });
            pageSizes.add(page.path("positions").size());
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(100, CLOSED - 100);
        assertThat(closedIds).hasSize(CLOSED).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("performance over 90 days counts all 160 closed trades, wins and losses adding up")
    void performance() {
        JsonNode report = api.get("/api/v1/performance?period=90d", target.traderToken()).ok();

        assertThat(report.path("closedTrades").asLong()).isEqualTo(CLOSED);
        assertThat(report.path("wins").asLong() + report.path("losses").asLong()).isLessThanOrEqualTo(CLOSED);
        BigDecimal winRate = new BigDecimal(report.path("winRate").asText());
        assertThat(winRate).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(report.path("equityCurve").size()).isGreaterThanOrEqualTo(90);
    }

    @Test
    @DisplayName("the trade history holds 300+ fills: two per closed round trip, one per open position")
    void trades() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/trades?limit=100&fields=tradeId"
                    + (cursor == null ? "" : "&cursor=" + cursor), target.traderToken()).ok();
            page.path("trades").forEach(t -> assertThat(ids.add(t.path("tradeId").asText())).isTrue());
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);

        assertThat(ids).hasSizeGreaterThanOrEqualTo(300).hasSize(2 * CLOSED + OPEN);
    }
}
