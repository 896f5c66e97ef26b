package com.nija.functions.trading;

import static com.nija.functions.support.ApiResponses.noValue;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.trading.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GetPositionsHandlerTest {
    private final GetPositionsHandler handler = new GetPositionsHandler(LocalBackends.get().context());

    private JsonNode positions(String userId, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = Events.withQuery(Events.http("api/get-positions.json", userId), query);
        return ok(handler.handleRequest(event, null)).path("positions");
    }

    private static JsonNode byId(JsonNode positions, String id) {
        for (JsonNode p : positions) if (id.equals(p.path("positionId").asText())) return p;
        throw new AssertionError("no position " + id + " in " + positions);
    }

    @Test
    @DisplayName("open long and short positions are valued at the latest price with exact unrealized P&L")
    void openPositionsValuedAtLatestPrice() {
        TraderFixture trader = TraderFixture.newTrader()
                .price("BTC-USD", "62000.50")
                .price("ETH-USD", "2900.25");
        trader.openPosition("p-long", "BTC-USD", Side.LONG, "0.5", "60000", "30.00");
        trader.openPosition("p-short", "ETH-USD", Side.SHORT, "2", "3000", "6.00");
        trader.closedPosition("p-closed", "SOL-USD", Side.LONG, "10", "140", "144.5", "42.10", "2.85");

        JsonNode open = positions(trader.userId(), Map.of("status", "open"));

        assertThat(texts(open, "positionId")).containsExactlyInAnyOrder("p-long", "p-short");
        JsonNode longBtc = byId(open, "p-long");
        assertThat(longBtc.path("side").asText()).isEqualTo("LONG");
        assertThat(new BigDecimal(longBtc.path("currentPrice").asText())).isEqualByComparingTo("62000.50");
        assertThat(longBtc.path("unrealizedPnl").asText()).isEqualTo("1000.25");   // (62000.50 − 60000) × 0.5
        assertThat(longBtc.path("marketValue").asText()).isEqualTo("31000.25");    // 0.5 × 62000.50
        assertThat(longBtc.path("unrealizedPnlPct").asText()).isEqualTo("3.33");
        JsonNode shortEth = byId(open, "p-short");
        assertThat(shortEth.path("side").asText()).isEqualTo("SHORT");
        assertThat(shortEth.path("unrealizedPnl").asText()).isEqualTo("199.50");   // price fell: a short gains
        assertThat(shortEth.path("marketValue").asText()).isEqualTo("5800.50");    // 2 × 2900.25
        assertThat(shortEth.path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    @DisplayName("a new price is reflected on the next read, without waiting for the cache to expire")
    void newPriceShowsImmediately() {
        TraderFixture trader = TraderFixture.newTrader().price("BTC-USD", "60000");
        trader.openPosition("p-1", "BTC-USD", Side.LONG, "1", "60000", "60.00");
        assertThat(byId(positions(trader.userId(), Map.of()), "p-1").path("unrealizedPnl").asText()).isEqualTo("0.00");

        trader.price("BTC-USD", "60123.45");
        JsonNode after = byId(positions(trader.userId(), Map.of()), "p-1");

        assertThat(after.path("unrealizedPnl").asText()).isEqualTo("123.45");
        assertThat(after.path("marketValue").asText()).isEqualTo("60123.45");
    }

    @Test
    @DisplayName("status=closed lists only closed positions, with their realized P&L and no live valuation")
    void closedOnly() {
        TraderFixture trader = TraderFixture.newTrader().price("BTC-USD", "62000");
        trader.openPosition("p-open", "BTC-USD", Side.LONG, "0.5", "60000", "30.00");
        trader.closedPosition("p-won", "SOL-USD", Side.LONG, "10", "140", "144.5", "42.10", "2.85");
        trader.closedPosition("p-lost", "ETH-USD", Side.SHORT, "1", "3000", "3050", "-53.05", "3.05");

        JsonNode closed = positions(trader.userId(), Map.of("status", "closed"));

        assertThat(texts(closed, "positionId")).containsExactlyInAnyOrder("p-won", "p-lost");
        assertThat(texts(closed, "status")).containsOnly("CLOSED");
        assertThat(new BigDecimal(byId(closed, "p-won").path("realizedPnl").asText())).isEqualByComparingTo("42.10");
        assertThat(new BigDecimal(byId(closed, "p-lost").path("realizedPnl").asText())).isEqualByComparingTo("-53.05");
        assertThat(byId(closed, "p-won").has("unrealizedPnl")).isFalse();
        assertThat(byId(closed, "p-won").has("marketValue")).isFalse();
    }

    @Test
    @DisplayName("without a status filter only open positions are listed: the closed history never comes unasked")
    void openByDefault() {
        TraderFixture trader = TraderFixture.newTrader().price("BTC-USD", "62000");
        trader.openPosition("p-open", "BTC-USD", Side.LONG, "0.5", "60000", "30.00");
        trader.closedPosition("p-closed", "SOL-USD", Side.LONG, "10", "140", "144.5", "42.10", "2.85");

        JsonNode unfiltered = positions(trader.userId(), Map.of());

        assertThat(texts(unfiltered, "positionId")).containsExactly("p-open");
    }

    @Test
    @DisplayName("closed positions come a page at a time: walking nextCursor lists each exactly once, the last page has none")
    void closedPages() {
        TraderFixture trader = TraderFixture.newTrader();
        trader.openPosition("p-open", "BTC-USD", Side.LONG, "0.5", "60000", "30.00");
        List<String> closed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            closed.add("p-closed-" + i);
            trader.closedPosition("p-closed-" + i, "SOL-USD", Side.LONG, "1", "140", "141", "0.70", "0.30");
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("status", "closed", "limit", "2"));
            if (cursor != null) query.put("cursor", cursor);
            JsonNode page = ok(handler.handleRequest(
                    Events.withQuery(Events.http("api/get-positions.json", trader.userId()), query), null));
            seen.addAll(texts(page.path("positions"), "positionId"));
            pageSizes.add(page.path("positions").size());
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(seen).containsExactlyElementsOf(closed);
        assertThat(pageSizes).containsExactly(2, 2, 1);
    }

    @Test
    @DisplayName("the sample closed-positions event (status=closed, limit 50) answers the first page of closed ones")
    void sampleClosedEvent() {
        TraderFixture trader = TraderFixture.newTrader();
        trader.openPosition("p-open", "BTC-USD", Side.LONG, "0.5", "60000", "30.00");
        trader.closedPosition("p-closed", "SOL-USD", Side.LONG, "10", "140", "144.5", "42.10", "2.85");

        JsonNode page = ok(handler.handleRequest(Events.http("api/get-positions-closed.json", trader.userId()), null));

        assertThat(texts(page.path("positions"), "positionId")).containsExactly("p-closed");
        assertThat(noValue(page, "nextCursor")).as("no next page in %s", page).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a cursor issued to another trader     | other
            a cursor of 10,000 characters         | huge
            a cursor that is not base64           | garbage
            """)
    @DisplayName("a cursor this listing did not issue to this trader is refused with 400 naming the cursor")
    void foreignCursorRefused(String what, String kind) {
        TraderFixture alice = TraderFixture.newTrader();
        TraderFixture bob = TraderFixture.newTrader();
        for (int i = 1; i <= 3; i++) {
            alice.closedPosition("a-" + i, "SOL-USD", Side.LONG, "1", "140", "141", "0.70", "0.30");
        }
        String alicesCursor = ok(handler.handleRequest(Events.withQuery(Events.http("api/get-positions.json",
                alice.userId()), Map.of("status", "closed", "limit", "1")), null)).path("nextCursor").asText();
        String cursor = switch (kind) {
            case "other" -> alicesCursor;
            case "huge" -> "A".repeat(10_000) + "." + "B".repeat(22);
            default -> "not a cursor!";
        };

        var response = handler.handleRequest(Events.withQuery(Events.http("api/get-positions.json", bob.userId()),
                Map.of("status", "closed", "cursor", cursor)), null);

        JsonNode body = problem(response, 400, "invalid-input");
        assertThat(texts(body.path("errors"), "field")).containsExactly("cursor");
        assertThat(body.toString()).doesNotContain("a-1").doesNotContain("AAAAAAAAAA");
    }

    @Test
    @DisplayName("an unknown status is refused with 400 invalid-input as problem+json naming the parameter")
    void unknownStatus() {
        TraderFixture trader = TraderFixture.newTrader();

        var response = handler.handleRequest(Events.http("api/get-positions-bad-status.json", trader.userId()), null);

        JsonNode body = problem(response, 400, "invalid-input");
        assertThat(texts(body.path("errors"), "field")).containsExactly("status");
    }

    @Test
    @DisplayName("a trader never sees another trader's positions")
    void otherTradersPositionsNeverAppear() {
        TraderFixture alice = TraderFixture.newTrader().price("BTC-USD", "62000");
        TraderFixture bob = TraderFixture.newTrader();
        alice.openPosition("alice-p", "BTC-USD", Side.LONG, "1", "60000", "60.00");
        bob.openPosition("bob-open", "BTC-USD", Side.LONG, "3", "50000", "150.00");
        bob.closedPosition("bob-closed", "SOL-USD", Side.LONG, "10", "140", "144.5", "42.10", "2.85");

        JsonNode alicesOpen = positions(alice.userId(), Map.of("status", "open"));
        JsonNode alicesClosed = positions(alice.userId(), Map.of("status", "closed"));
        JsonNode bobsOpen = positions(bob.userId(), Map.of());
        JsonNode bobsClosed = positions(bob.userId(), Map.of("status", "closed"));

        assertThat(texts(alicesOpen, "positionId")).containsExactly("alice-p");
        assertThat(alicesClosed).isEmpty();
        assertThat(texts(bobsOpen, "positionId")).containsExactly("bob-open");
        assertThat(texts(bobsClosed, "positionId")).containsExactly("bob-closed");
    }

    @Test
    @DisplayName("a new trader has an empty list, not an error")
    void newTraderHasNoPositions() {
        TraderFixture trader = TraderFixture.newTrader();

        JsonNode positions = positions(trader.userId(), Map.of("status", "open"));

        assertThat(positions.isArray()).isTrue();
        assertThat(positions).isEmpty();
    }
}
