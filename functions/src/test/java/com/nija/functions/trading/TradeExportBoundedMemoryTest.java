package com.nija.functions.trading;

import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradeItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.export.ExportFormat;
import com.nija.shared.trading.export.ExportRange;
import com.nija.shared.trading.export.TradeExporter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/** The "an export of 100,000 fills in bounded memory", against the local DynamoDB. */
class TradeExportBoundedMemoryTest {
    private static final int FILLS = 100_000;
    private static final Instant START = PlatformClock.system().instant().truncatedTo(ChronoUnit.DAYS).minus(200, ChronoUnit.DAYS);
    private static final String USER = "t-" + UUID.randomUUID();
    private static final ExportRange ALL = new ExportRange(START, START.plus(FILLS, ChronoUnit.MINUTES));

    @BeforeAll
    static void seed() {
        TradingTables tables = LocalBackends.get().context().getBean(TradingTables.class);
        List<TradeItem> batch = new ArrayList<>(25);
        for (int i = 0; i < FILLS; i++) {
            Instant at = START.plus(i, ChronoUnit.MINUTES);
            String id = "x" + i;
            batch.add(new TradeItem(Keys.user(USER), Keys.trade(at, id), id, "o-" + id, "p-" + id, "BTC-USD", "BUY",
                    new BigDecimal("0.01"), new BigDecimal("61000.50"), new BigDecimal("0.10"), null, at, null));
            if (batch.size() == 25) {
                writeAll(tables, batch);
                batch.clear();
            }
        }
    }

    private static void writeAll(TradingTables tables, List<TradeItem> items) {
        List<TradeItem> pending = items;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            assertThat(attempt).as("attempts at a batch write").isLessThan(10);
            WriteBatch.Builder<TradeItem> b = WriteBatch.builder(TradeItem.class).mappedTableResource(tables.trades());
            pending.forEach(b::addPutItem);
            WriteBatch built = b.build();
            pending = tables.enhanced().batchWriteItem(r -> r.writeBatches(built)).unprocessedPutItemsForTable(tables.trades());
        }
    }

    /** Counts CSV rows as they arrive and keeps none of them. */
    private static final class CountingSink extends Writer {
        long lines;

        @Override
        public void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) if (chars[i] == '\n') lines++;
        }

        @Override
        public void write(String s, int offset, int length) {
            for (int i = offset; i < offset + length; i++) if (s.charAt(i) == '\n') lines++;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    @DisplayName("100,000 fills stream out page by page: every row arrives, and each page is written before the next is read")
    void streamsAHundredThousandFills() {
        TradeExporter exporter = LocalBackends.get().context().getBean(TradeExporter.class);
        CountingSink sink = new CountingSink();
        long[] readSoFar = {0};
        int[] pages = {0};
        List<String> overlaps = new ArrayList<>();

        long written = exporter.export(USER, ALL, ExportFormat.CSV, sink, rows -> {
            // At the moment a page arrives, the sink must hold every earlier row (plus the header): nothing is
            // buffered across pages, so the exporter never holds more than this one page.
            if (sink.lines != readSoFar[0] + 1) overlaps.add("page " + pages[0] + ": sink " + sink.lines + ", read " + readSoFar[0]);
            if (rows > TradeExporter.PAGE_SIZE) overlaps.add("page " + pages[0] + " holds " + rows + " rows");
            readSoFar[0] += rows;
            pages[0]++;
        });

        assertThat(overlaps).isEmpty();
        assertThat(written).isEqualTo(FILLS);
        assertThat(sink.lines).isEqualTo(FILLS + 1L);
        assertThat(pages[0]).isGreaterThanOrEqualTo(FILLS / TradeExporter.PAGE_SIZE);
    }

    @Test
    @DisplayName("an export past what one response carries is a 413 problem advising a narrower range")
    void tooLargeForOneResponse() {
        ExportTradesHandler handler = new ExportTradesHandler(LocalBackends.get().context());

        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.withQuery(
                Events.http("api/export-trades.json", USER),
                Map.of("from", ALL.from().toString(), "to", ALL.to().toString(), "format", "csv")), null);

        assertThat(problem(response, 413, "export-too-large").path("detail").asText()).contains("narrow the range");
    }
}
