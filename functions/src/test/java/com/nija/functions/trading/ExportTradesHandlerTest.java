package com.nija.functions.trading;

import static com.nija.functions.support.ApiResponses.header;
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
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ExportTradesHandlerTest {
    private static final Instant START = PlatformClock.system().instant().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.DAYS);

    private final ExportTradesHandler handler = new ExportTradesHandler(LocalBackends.get().context());

    private APIGatewayV2HTTPResponse export(String userId, String... pairs) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) q.put(pairs[i], pairs[i + 1]);
        return handler.handleRequest(Events.withQuery(Events.http("api/export-trades.json", userId), q), null);
    }

    /** Three fills an hour apart from START (the middle one through a live coinbase order), one a day before. */
    private static TraderFixture traderWithFills() {
        TraderFixture trader = TraderFixture.newTrader();
        trader.trade("before", "BTC-USD", "BUY", "1", "1", START.minus(1, ChronoUnit.DAYS));
        trader.trade("f1", "BTC-USD", "BUY", "0.01", "61000.50", START);
        trader.trade("f2", "ETH-USD", "SELL", "0.250", "3100.25", START.plus(1, ChronoUnit.HOURS));
        trader.trade("f3", "BTC-USD", "SELL", "0.01", "61500", START.plus(2, ChronoUnit.HOURS));
        TradingTables tables = LocalBackends.get().context().getBean(TradingTables.class);
        tables.client().putItem(b -> b.tableName(tables.name()).item(Map.of(
                "pk", AttributeValue.fromS(Keys.user(trader.userId())), "sk", AttributeValue.fromS(Keys.order("o-f2")),
                "orderId", AttributeValue.fromS("o-f2"), "venue", AttributeValue.fromS("coinbase"))));
        return trader;
    }

    @Test
    @DisplayName("CSV: a header and one RFC 4180 row per fill in the window, oldest first, money exactly as stored")
    void csvRows() {
        TraderFixture trader = traderWithFills();

        APIGatewayV2HTTPResponse response = export(trader.userId(), "from", START.toString(),
                "to", START.plus(1, ChronoUnit.DAYS).toString(), "format", "csv");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(header(response, "Content-Disposition")).startsWith("attachment; filename=\"fills-").endsWith(".csv\"");
        // Exactly as stored: DynamoDB keeps a number's value, not its trailing zeros (0.10 is stored as 0.1).
        assertThat(response.getBody()).isEqualTo(
                "time,symbol,side,quantity,price,fee,realizedPnl,venue,orderId\r\n"
                + START + ",BTC-USD,BUY,0.01,61000.5,0.1,,paper,o-f1\r\n"
                + START.plus(1, ChronoUnit.HOURS) + ",ETH-USD,SELL,0.25,3100.25,0.1,,coinbase,o-f2\r\n"
                + START.plus(2, ChronoUnit.HOURS) + ",BTC-USD,SELL,0.01,61500,0.1,,paper,o-f3\r\n");
    }

    @Test
    @DisplayName("JSON: {fills:[…]} with the same columns, money as strings")
    void jsonShape() {
        TraderFixture trader = traderWithFills();

        JsonNode body = ok(export(trader.userId(), "from", START.toString(),
                "to", START.plus(1, ChronoUnit.DAYS).toString(), "format", "json"));

        JsonNode fills = body.path("fills");
        assertThat(texts(fills, "orderId")).containsExactly("o-f1", "o-f2", "o-f3");
        JsonNode second = fills.get(1);
        assertThat(second.path("time").asText()).isEqualTo(START.plus(1, ChronoUnit.HOURS).toString());
        assertThat(second.path("quantity").isTextual()).isTrue();
        assertThat(second.path("quantity").asText()).isEqualTo("0.25");
        assertThat(second.path("price").asText()).isEqualTo("3100.25");
        assertThat(second.path("fee").asText()).isEqualTo("0.1");
        assertThat(second.path("realizedPnl").isNull()).isTrue();
        assertThat(second.path("venue").asText()).isEqualTo("coinbase");
        assertThat(second.path("side").asText()).isEqualTo("SELL");
    }

    @Test
    @DisplayName("a date range covers whole UTC days, and a trader sees only their own fills")
    void datesAndOwnFillsOnly() {
        TraderFixture trader = traderWithFills();
        TraderFixture other = TraderFixture.newTrader();
        other.trade("theirs", "BTC-USD", "BUY", "5", "60000", START);
        String day = START.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();

        JsonNode mine = ok(export(trader.userId(), "from", day, "to", day, "format", "json"));
        JsonNode theirs = ok(export(other.userId(), "from", day, "to", day, "format", "json"));

        long sameDay = java.util.stream.Stream.of(0, 1, 2)
                .filter(h -> START.plus(h, ChronoUnit.HOURS).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString().equals(day))
                .count();
        assertThat(mine.path("fills")).hasSize((int) sameDay);
        assertThat(texts(mine.path("fills"), "orderId")).doesNotContain("o-theirs", "o-before");
        assertThat(texts(theirs.path("fills"), "orderId")).containsExactly("o-theirs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from missing         | -                     | 2031-02-01 | csv  | 400 | from",
            "from not a date      | yesterday             | 2031-02-01 | csv  | 400 | from",
            "from before 1970     | 1969-12-31            | 1970-01-02 | csv  | 400 | from",
            "to malformed         | 2031-01-01            | 2031-13-01 | csv  | 400 | to",
            "format unknown       | 2031-01-01            | 2031-02-01 | xlsx | 400 | format",
            "to before from       | 2031-02-01            | 2031-01-01 | csv  | 422 | to",
            "more than 366 days   | 2030-01-01T00:00:00Z  | 2031-01-03 | json | 422 | to"})
    @DisplayName("bad parameters are a problem+json naming the field")
    void badParameters(String name, String from, String to, String format, int status, String field) {
        TraderFixture trader = TraderFixture.newTrader();
        APIGatewayV2HTTPResponse response = "-".equals(from)
                ? export(trader.userId(), "to", to, "format", format)
                : export(trader.userId(), "from", from, "to", to, "format", format);

        JsonNode problem = problem(response, status, status == 400 ? "invalid-input" : "rule-violation");
        assertThat(texts(problem.path("errors"), "field")).containsExactly(field);
    }
}
