package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One trader's data is never reachable by another: identity comes only from the verified token. */
@PlatformTest
@DisplayName("Traders only ever see their own data")
class IsolationIT {
    private static final List<String> READS = List.of("/api/v1/positions", "/api/v1/positions?status=open",
            "/api/v1/positions?status=closed", "/api/v1/trades?limit=100", "/api/v1/dashboard",
            "/api/v1/performance?period=all", "/api/v1/settings");

    private final ApiTarget target;
    private final Api api;

    IsolationIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    @Test
    @DisplayName("a new trader sees no positions, no trades and an empty dashboard")
    void newTraderSeesNothing() {
        String newcomer = target.newTraderToken("isolation");

        assertThat(api.get("/api/v1/positions", newcomer).ok().path("positions")).isEmpty();
        JsonNode trades = api.get("/api/v1/trades", newcomer).ok();
        assertThat(trades.path("trades")).isEmpty();
        assertThat(trades.path("nextCursor").isNull() || trades.path("nextCursor").isMissingNode()).isTrue();
        JsonNode dashboard = api.get("/api/v1/dashboard", newcomer).ok();
        assertThat(dashboard.path("openPositions").asInt()).isZero();
        assertThat(dashboard.path("positions")).isEmpty();
        assertThat(dashboard.path("lastTrades")).isEmpty();
        assertThat(api.get("/api/v1/performance?period=all", newcomer).ok().path("closedTrades").asLong()).isZero();
    }

    @Test
    @DisplayName("none of the first trader's trade or position ids show up in any response to another trader")
    void othersIdsNeverShowUp() {
        Set<String> tradeIds = allTradeIds(target.traderToken());
        Set<String> positionIds = new LinkedHashSet<>();
        api.get("/api/v1/positions", target.traderToken()).ok().path("positions")
                .forEach(p -> positionIds.add(p.path("positionId").asText()));
        assertThat(tradeIds).as("the first trader needs history for this test to mean anything").isNotEmpty();
        String other = target.otherTraderToken("isolation");

        List<String> leaks = new ArrayList<>();
        for (String read : READS) {
            String body = api.get(read, other).expect(200).body();
            tradeIds.stream().filter(body::contains).forEach(id -> leaks.add(read + " shows trade " + id));
            positionIds.stream().filter(body::contains).forEach(id -> leaks.add(read + " shows position " + id));
        }

        assertThat(leaks).isEmpty();
    }

    @Test
    @DisplayName("another trader cannot page through the first trader's history with their cursor")
    void othersCursorIsRefused() {
        String cursor = api.get("/api/v1/trades?limit=5", target.traderToken()).ok().path("nextCursor").asText();
        assertThat(cursor).as("the first trader has more than one page of trades").isNotBlank();
        String other = target.otherTraderToken("isolation");

        var response = api.get("/api/v1/trades?limit=5&cursor=" + cursor, other);

        var problem = response.problem(400);
        assertThat(problem.path("errors").toString()).contains("cursor");
        assertThat(response.body()).doesNotContain("tradeId");
    }

    private Set<String> allTradeIds(String token) {
        Set<String> ids = new LinkedHashSet<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/trades?limit=100&fields=tradeId"
                    + (cursor == null ? "" : "&cursor=" + cursor), token).ok();
            page.path("trades").forEach(t -> ids.add(t.path("tradeId").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }
}
