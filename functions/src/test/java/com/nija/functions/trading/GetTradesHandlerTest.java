package com.nija.functions.trading;

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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GetTradesHandlerTest {
    private static final Instant START = PlatformClock.system().instant().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);

    private final GetTradesHandler handler = new GetTradesHandler(LocalBackends.get().context());

    private APIGatewayV2HTTPResponse get(String userId, Map<String, String> query) {
        return handler.handleRequest(Events.withQuery(Events.http("api/get-trades.json", userId), query), null);
    }

    /** {@code count} fills one minute apart, ids tr-00 (oldest) … ; even ones BTC-USD, odd ones ETH-USD. */
    private static List<String> seedTrades(TraderFixture trader, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("tr-%02d", i);
            boolean btc = i % 2 == 0;
            trader.trade(id, btc ? "BTC-USD" : "ETH-USD", "BUY", "0.01", btc ? "61000.50" : "3100.25",
                    START.plus(i, ChronoUnit.MINUTES));
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, String> query(String... pairs) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) q.put(pairs[i], pairs[i + 1]);
        return q;
    }

    @Test
    @DisplayName("walking 25 trades 10 at a time gives pages of 10, 10 and 5, newest first, with no duplicates or gaps")
    void pagination() {
        TraderFixture trader = TraderFixture.newTrader();
        List<String> newestFirst = new ArrayList<>(seedTrades(trader, 25));
        java.util.Collections.reverse(newestFirst);

        List<Integer> pageSizes = new ArrayList<>();
        List<String> walked = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        JsonNode page;
        do {
            page = ok(get(trader.userId(), cursor == null ? query("limit", "10") : query("limit", "10", "cursor", cursor)));
            pageSizes.add(page.path("trades").size());
            walked.addAll(texts(page.path("trades"), "tradeId"));
            page.path("trades").forEach(t -> times.add(Instant.parse(t.path("executedAt").asText())));
            cursor = noValue(page, "nextCursor") ? null : page.path("nextCursor").asText();
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(walked).containsExactlyElementsOf(newestFirst);
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(noValue(page, "nextCursor")).as("last page's nextCursor").isTrue();
    }

    @Test
    @DisplayName("a page that holds everything has no next cursor")
    void singlePageHasNoCursor() {
        TraderFixture trader = TraderFixture.newTrader();
        seedTrades(trader, 3);

        JsonNode page = ok(get(trader.userId(), query("limit", "10")));

        assertThat(page.path("trades")).hasSize(3);
        assertThat(noValue(page, "nextCursor")).isTrue();
    }

    @Test
    @DisplayName("symbol=BTCUSD returns only BTC-USD trades, all of them, across pages")
    void symbolFilter() {
        TraderFixture trader = TraderFixture.newTrader();
        List<String> ids = seedTrades(trader, 25);
        List<String> btcNewestFirst = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) if (i % 2 == 0) btcNewestFirst.add(ids.get(i));

        JsonNode first = ok(get(trader.userId(), query("symbol", "BTCUSD", "limit", "10")));
        JsonNode second = ok(get(trader.userId(),
                query("symbol", "BTCUSD", "limit", "10", "cursor", first.path("nextCursor").asText())));

        List<String> walked = new ArrayList<>(texts(first.path("trades"), "tradeId"));
        walked.addAll(texts(second.path("trades"), "tradeId"));
        assertThat(texts(first.path("trades"), "symbol")).containsOnly("BTC-USD");
        assertThat(texts(second.path("trades"), "symbol")).containsOnly("BTC-USD");
        assertThat(walked).containsExactlyElementsOf(btcNewestFirst); // 13 of the 25
        assertThat(noValue(second, "nextCursor")).isTrue();
    }

    @Test
    @DisplayName("fields=tradeId,price returns only those two keys for each trade, money as an exact string")
    void fieldSelection() {
        TraderFixture trader = TraderFixture.newTrader();
        seedTrades(trader, 4);

        JsonNode trades = ok(get(trader.userId(), query("fields", "tradeId,price"))).path("trades");

        assertThat(trades).hasSize(4);
        for (JsonNode t : trades) {
            List<String> keys = new ArrayList<>();
            t.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("tradeId", "price");
            assertThat(t.path("price").isTextual()).isTrue();
        }
        assertThat(texts(trades, "tradeId")).containsExactly("tr-03", "tr-02", "tr-01", "tr-00");
        assertThat(new java.math.BigDecimal(trades.get(0).path("price").asText())).isEqualByComparingTo("3100.25");
    }

    @Test
    @DisplayName("the sample fields event (symbol=BTCUSD, four fields, limit 5) is served as asked")
    void sampleFieldsEvent() {
        TraderFixture trader = TraderFixture.newTrader();
        seedTrades(trader, 12);

        JsonNode body = ok(handler.handleRequest(Events.http("api/get-trades-fields.json", trader.userId()), null));

        JsonNode trades = body.path("trades");
        assertThat(trades).hasSize(5);
        Iterator<String> names = trades.get(0).fieldNames();
        List<String> keys = new ArrayList<>();
        names.forEachRemaining(keys::add);
        assertThat(keys).isSubsetOf("tradeId", "symbol", "price", "realizedPnl").contains("tradeId", "symbol", "price");
        assertThat(texts(trades, "symbol")).containsOnly("BTC-USD");
        assertThat(noValue(body, "nextCursor")).isFalse();
    }

    @Test
    @DisplayName("an unknown field name is refused with 400")
    void unknownField() {
        TraderFixture trader = TraderFixture.newTrader();

        JsonNode body = problem(get(trader.userId(), query("fields", "tradeId,password")), 400, "invalid-input");

        assertThat(texts(body.path("errors"), "field")).containsExactly("fields");
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "101", "abc", "-1", "1.5"})
    @DisplayName("a limit outside 1 to 100, or not a whole number, is refused with 400 naming limit")
    void badLimit(String limit) {
        TraderFixture trader = TraderFixture.newTrader();

        JsonNode body = problem(get(trader.userId(), query("limit", limit)), 400, "invalid-input");

        assertThat(texts(body.path("errors"), "field")).containsExactly("limit");
    }

    @Test
    @DisplayName("the sample bad-limit event is refused with 400")
    void sampleBadLimitEvent() {
        TraderFixture trader = TraderFixture.newTrader();

        problem(handler.handleRequest(Events.http("api/get-trades-bad-limit.json", trader.userId()), null),
                400, "invalid-input");
    }

    @Test
    @DisplayName("limits 1 and 100 are the accepted bounds")
    void limitBounds() {
        TraderFixture trader = TraderFixture.newTrader();
        seedTrades(trader, 3);

        assertThat(ok(get(trader.userId(), query("limit", "1"))).path("trades")).hasSize(1);
        assertThat(ok(get(trader.userId(), query("limit", "100"))).path("trades")).hasSize(3);
    }

    @Test
    @DisplayName("a cursor with any one character edited, at every position, is refused with 400")
    void tamperedCursor() {
        TraderFixture trader = TraderFixture.newTrader();
        seedTrades(trader, 15);
        String cursor = ok(get(trader.userId(), query("limit", "10"))).path("nextCursor").asText();
        int dot = cursor.indexOf('.');
        assertThat(dot).isPositive();

        List<String> edits = new ArrayList<>();
        for (int at = 0; at < cursor.length(); at++) {
            if (at == dot) continue;
            // The neighbouring letter changes only the lowest bit, which in a part's last character is padding.
            edits.add(replaceAt(cursor, at, 1));
            edits.add(replaceAt(cursor, at, 32));
        }
        edits.addAll(List.of(cursor.substring(0, dot), "not-a-cursor", cursor + "x"));
        List<String> notRefused = new ArrayList<>();
        for (String bad : edits) {
            APIGatewayV2HTTPResponse response = get(trader.userId(), query("limit", "10", "cursor", bad));
            if (response.getStatusCode() != 400) notRefused.add(bad + " -> " + response.getStatusCode());
            else problem(response, 400, "invalid-input");
        }

        assertThat(notRefused).as("edited cursors of %s not refused", cursor).isEmpty();
        assertThat(ok(get(trader.userId(), query("limit", "10", "cursor", cursor))).path("trades")).hasSize(5);
    }

    @Test
    @DisplayName("a cursor issued to one trader is refused with 400 when another trader sends it")
    void cursorOfAnotherTrader() {
        TraderFixture alice = TraderFixture.newTrader();
        TraderFixture bob = TraderFixture.newTrader();
        seedTrades(alice, 15);
        seedTrades(bob, 15);
        String alicesCursor = ok(get(alice.userId(), query("limit", "10"))).path("nextCursor").asText();

        APIGatewayV2HTTPResponse response = get(bob.userId(), query("limit", "10", "cursor", alicesCursor));

        problem(response, 400, "invalid-input");
    }

    @Test
    @DisplayName("a cursor from the unfiltered listing is refused on a symbol-filtered one")
    void cursorOfAnotherFilter() {
        TraderFixture trader = TraderFixture.newTrader();
        seedTrades(trader, 15);
        String cursor = ok(get(trader.userId(), query("limit", "10"))).path("nextCursor").asText();

        problem(get(trader.userId(), query("limit", "10", "symbol", "BTC-USD", "cursor", cursor)), 400, "invalid-input");
    }

    @Test
    @DisplayName("a trader never sees another trader's trades")
    void otherTradersTradesNeverAppear() {
        TraderFixture alice = TraderFixture.newTrader();
        TraderFixture bob = TraderFixture.newTrader();
        alice.trade("alice-1", "BTC-USD", "BUY", "1", "60000", START);
        bob.trade("bob-1", "BTC-USD", "SELL", "2", "61000", START.plusSeconds(5));

        JsonNode alices = ok(get(alice.userId(), query())).path("trades");

        assertThat(texts(alices, "tradeId")).containsExactly("alice-1");
    }

    private static final String BASE64URL =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** The cursor with the character at {@code at} moved {@code steps} along the base64url alphabet. */
    private static String replaceAt(String s, int at, int steps) {
        char replacement = BASE64URL.charAt((BASE64URL.indexOf(s.charAt(at)) + steps) % BASE64URL.length());
        return s.substring(0, at) + replacement + s.substring(at + 1);
    }
}
