package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One trader's data is never reachable by another: identity comes only from the verified token. */
@PlatformTest
@DisplayName("Traders only ever see their own data")
class IsolationIT {
    private static final List<String> READS = List.of("/api/v1/positions", "/api/v1/positions?status=open",
            "/api/v1/positions?status=closed", "/api/v1/trades?limit=100", "/api/v1/dashboard",
            "/api/v1/performance?period=all", "/api/v1/settings", "/api/v1/orders?limit=100");
    private static final String LINK = "LINK-USD";
    private static final String UNI = "UNI-USD";

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
    @DisplayName("two traders with history: none of one's order, trade or position ids show up in any response to the other")
    void neitherSeesTheOthersIds() {
        SignalSource source = SignalSource.register(target, "two traders with history");
        Trader linkTrader = Trader.following(target, "isolation", source, Map.of("allowedSymbols", List.of(LINK)));
        Trader uniTrader = Trader.following(target, "isolation", source, Map.of("allowedSymbols", List.of(UNI)));
        source.price(LINK, "20.00");
        source.price(UNI, "8.00");
        source.send(SignalSource.signal("buy", LINK)).expect(202);
        source.send(SignalSource.signal("buy", UNI)).expect(202);
        linkTrader.awaitPositions("the LINK buy to open", "open", p -> p.size() == 1);
        uniTrader.awaitPositions("the UNI buy to open", "open", p -> p.size() == 1);
        source.send(SignalSource.signal("exit", LINK)).expect(202);
        linkTrader.awaitPositions("the LINK exit to close", "closed", p -> p.size() == 1);

        List<String> leaks = new ArrayList<>(leaksOf(linkTrader, uniTrader));
        leaks.addAll(leaksOf(uniTrader, linkTrader));

        assertThat(leaks).isEmpty();
    }

    /** Where {@code owner}'s ids appear in what {@code other} reads. */
    private List<String> leaksOf(Trader owner, Trader other) {
        List<JsonNode> orders = owner.orders(null);
        List<JsonNode> trades = owner.trades();
        List<JsonNode> positions = new ArrayList<>(owner.positions("open")); // the route's default: open ones only
        positions.addAll(owner.positions("closed"));
        assertThat(List.of(orders, trades, positions)).as("%s's orders, trades and positions", owner.id())
                .allSatisfy(history -> assertThat(history).isNotEmpty());
        Set<String> ids = new LinkedHashSet<>();
        orders.forEach(o -> ids.add(o.path("orderId").asText()));
        trades.forEach(t -> ids.add(t.path("tradeId").asText()));
        positions.forEach(p -> ids.add(p.path("positionId").asText()));
        List<String> leaks = new ArrayList<>();
        for (String read : READS) {
            String body = api.get(read, other.token()).expect(200).body();
            ids.stream().filter(body::contains).forEach(id -> leaks.add(read + " shows " + owner.id() + "'s " + id));
        }
        return leaks;
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

}
