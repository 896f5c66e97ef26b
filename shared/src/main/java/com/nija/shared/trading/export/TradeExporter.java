package com.nija.shared.trading.export;

import com.nija.shared.data.TradeItem;
import com.nija.shared.export.ExportFormat;
import com.nija.shared.export.RowWriter;
import com.nija.shared.trading.TradeRepository;
import jakarta.inject.Singleton;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A trader's fills in a time range, oldest first, written page by page as DynamoDB returns them: one query page and
 * its orders' venues are all it holds, whatever the range.
 */
@Singleton
public class TradeExporter {
    /** Fills a query page asks for; also the most orders one BatchGetItem may read (100). */
    public static final int PAGE_SIZE = 100;
    /** CSV column names, also the JSON field names. */
    public static final List<String> COLUMNS = List.of("time", "symbol", "side", "quantity", "price", "fee",
            "realizedPnl", "venue", "orderId");
    /** Orders with no venue were filled by the paper broker. */
    static final String PAPER = "paper";

    private final TradeRepository trades;

    public TradeExporter(TradeRepository trades) {
        this.trades = trades;
    }

    /** @return how many fills were written */
    public long export(String userId, ExportRange range, ExportFormat format, Writer out) {
        return export(userId, range, format, out, rows -> {});
    }

    /**
     * @param pageProbe told the size of each page as it is read, before it is written (tests check the bound)
     */
    public long export(String userId, ExportRange range, ExportFormat format, Writer out, IntConsumer pageProbe) {
        long written = 0;
        try (RowWriter writer = RowWriter.of(format, COLUMNS, "fills", out)) {
            for (List<TradeItem> fills : trades.pagesBetween(userId, range.from(), range.to(), PAGE_SIZE)) {
                pageProbe.accept(fills.size());
                Map<String, String> venues = trades.venuesOf(userId, fills.stream().map(TradeItem::orderId).toList());
                for (TradeItem t : fills) {
                    writer.write(t.executedAt(), t.symbol(), t.side(), t.quantity(), t.price(), t.fee(),
                            t.realizedPnl(), venues.getOrDefault(t.orderId(), PAPER), t.orderId());
                    written++;
                }
            }
        }
        return written;
    }
}
