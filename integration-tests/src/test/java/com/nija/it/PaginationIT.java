package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradeItem;
import com.nija.shared.data.TradingTables;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Walking a long trade history page by page: every fill exactly once, newest first, and a clear end. */
@PlatformTest
@LocalPlatformOnly("seeding 500 trades straight into DynamoDB")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Paging through 500 trades")
class PaginationIT {
    private static final int TRADES = 500;
    private static final int PAGE = 37;
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD");

    private final ApiTarget target;
    private final Api api;
    private String token;
    private Map<String, TradeItem> seeded;

    PaginationIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    @BeforeAll
    void seedFiveHundredTrades() {
        TradingTables tables = target.platform("seeding 500 trades straight into DynamoDB")
                .context().getBean(TradingTables.class);
        String userId = ApiTarget.newTraderId("pagination");
        token = target.tokenFor(userId, "pagination");
        Instant newest = PlatformClock.system().instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        List<TradeItem> items = IntStream.range(0, TRADES).mapToObj(i -> trade(userId, i, newest)).toList();
        items.parallelStream().forEach(tables.trades()::putItem);
        seeded = items.stream().collect(Collectors.toMap(TradeItem::tradeId, Function.identity()));
    }

    @Test
    @DisplayName("pages of 37 return all 500 trades exactly once, newest first, and end without a next cursor")
    void walkAll() {
        List<JsonNode> walked = walk("");

        assertThat(walked).hasSize(TRADES);
        assertThat(ids(walked)).hasSize(TRADES).containsExactlyInAnyOrderElementsOf(seeded.keySet());
        assertStrictlyNewestFirst(walked);
        for (JsonNode t : walked) {
            TradeItem expected = seeded.get(t.path("tradeId").asText());
            assertThat(t.path("symbol").asText()).isEqualTo(expected.symbol());
            assertThat(new BigDecimal(t.path("price").asText())).isEqualByComparingTo(expected.price());
            assertThat(Instant.parse(t.path("executedAt").asText())).isEqualTo(expected.executedAt());
        }
    }

    @Test
    @DisplayName("filtered by symbol, the pages return every trade of that market exactly once and nothing else")
    void walkOneSymbol() {
        Set<String> eth = seeded.values().stream().filter(t -> t.symbol().equals("ETH-USD"))
                .map(TradeItem::tradeId).collect(Collectors.toSet());

        List<JsonNode> walked = walk("&symbol=ETH-USD");

        assertThat(walked).allSatisfy(t -> assertThat(t.path("symbol").asText()).isEqualTo("ETH-USD"));
        assertThat(ids(walked)).hasSize(walked.size()).containsExactlyInAnyOrderElementsOf(eth);
        assertStrictlyNewestFirst(walked);
    }

    @Test
    @DisplayName("the symbol may be written BTCUSD as well as BTC-USD, with the same pages")
    void symbolSpellings() {
        List<String> dashed = ids(walk("&symbol=BTC-USD"));

        List<String> plain = ids(walk("&symbol=BTCUSD"));

        assertThat(plain).isNotEmpty().containsExactlyElementsOf(dashed);
    }

    @Test
    @DisplayName("a cursor from the unfiltered listing is refused on a filtered one")
    void cursorBoundToItsFilter() {
        String cursor = api.get("/api/v1/trades?limit=" + PAGE, token).ok().path("nextCursor").asText();

        var problem = api.get("/api/v1/trades?limit=" + PAGE + "&symbol=SOL-USD&cursor=" + cursor, token).problem(400);

        assertThat(problem.path("errors").toString()).contains("cursor");
    }

    /** Follows nextCursor from the first page to the last; checks every page's size and the final null cursor. */
    private List<JsonNode> walk(String filter) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/trades?limit=" + PAGE + filter
                    + (cursor == null ? "" : "&cursor=" + cursor), token).ok();
            pages++;
            assertThat(pages).as("pages walked (a cursor that never ends?)").isLessThanOrEqualTo(TRADES / PAGE + 2);
            JsonNode trades = page.path("trades");
            assertThat(trades.size()).as("size of page %d", pages).isLessThanOrEqualTo(PAGE);
            trades.forEach(all::add);
            JsonNode next = page.path("nextCursor");
            if (next.isTextual()) {
                assertThat(trades.size()).as("a page with a next cursor is full (page %d)", pages).isEqualTo(PAGE);
                cursor = next.asText();
                continue;
            }
            // The last page has no next cursor: null, or left out as every null field of a response is.
            assertThat(next.isNull() || next.isMissingNode())
                    .as("nextCursor on the last page of %s: %s", filter, page).isTrue();
            return all;
        }
    }

    private static List<String> ids(List<JsonNode> trades) {
        return trades.stream().map(t -> t.path("tradeId").asText()).toList();
    }

    private static void assertStrictlyNewestFirst(List<JsonNode> trades) {
        Set<String> seen = new HashSet<>();
        Instant previous = Instant.MAX;
        for (JsonNode t : trades) {
            Instant at = Instant.parse(t.path("executedAt").asText());
            assertThat(at).as("trade %s after one at %s", t.path("tradeId").asText(), previous).isBefore(previous);
            assertThat(seen.add(t.path("tradeId").asText())).as("trade %s seen twice", t.path("tradeId")).isTrue();
            previous = at;
        }
    }

    /** Fill {@code i}: one every 61 s going back from {@code newest}, the markets in turn. */
    private static TradeItem trade(String userId, int i, Instant newest) {
        Instant at = newest.minusSeconds(61L * i);
        String tradeId = String.format("it-t-%04d", i);
        String symbol = SYMBOLS.get(i % SYMBOLS.size());
        BigDecimal price = new BigDecimal("100.25").add(BigDecimal.valueOf(i));
        return new TradeItem(Keys.user(userId), Keys.trade(at, tradeId), tradeId, "it-o-" + i, "it-p-" + (i / 2),
                symbol, i % 2 == 0 ? "BUY" : "SELL", new BigDecimal("0.5"), price, new BigDecimal("0.05"),
                i % 2 == 0 ? null : new BigDecimal("1.10"), at, at.plus(Duration.ofDays(90)).getEpochSecond());
    }
}
