package com.nija.shared.prices;

import com.nija.shared.broker.OrderTicket;
import com.nija.shared.broker.RestingOrders;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.Tables;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.WorkQueues;
import com.nija.shared.market.PriceBook;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.trading.Side;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Records latest prices and acts on them: open positions whose stop-loss or take-profit the price crossed are
 * closed, resting limit orders it crossed are filled. Both are found through the sparse open-by-symbol index,
 * and the resulting work goes through the trader's FIFO order queue like any other order.
 */
@Singleton
public class PriceIngestService {
    private final PriceBook prices;
    private final TradingTables tables;
    private final RestingOrders resting;
    private final WorkQueues queues;
    private final Clock clock;
    private final List<PriceListener> listeners;

    public PriceIngestService(PriceBook prices, TradingTables tables, RestingOrders resting, WorkQueues queues,
                              Clock clock, List<PriceListener> listeners) {
        this.prices = prices;
        this.tables = tables;
        this.resting = resting;
        this.queues = queues;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** Counts of what a batch of prices triggered. */
    public record Outcome(int prices, int stopsAndTargets, int limitFills) {}

    public Outcome ingest(List<PriceUpdate> updates) {
        List<OrderRequest> work = new ArrayList<>();
        // Positions that stay open, each with the latest price of the batch for its market (a later update wins).
        Map<PositionItem, PriceUpdate> marks = new LinkedHashMap<>();
        int stops = 0;
        int fills = 0;
        for (PriceUpdate u : updates) {
            prices.update(u.symbol(), u.price(), u.at() == null ? clock.instant() : u.at());
            for (PositionItem p : openPositions(u.symbol())) {
                OrderTrigger trigger = crossed(p, u.price());
                if (trigger != null) {
                    work.add(OrderRequest.forCrossedLevel(p.userId(), trigger, p.positionId(), p.symbol(), clock.instant()));
                    marks.remove(p);
                    stops++;
                } else {
                    marks.put(p, u);
                }
            }
            for (OrderTicket filled : resting.fillCrossed(u.symbol(), u.price())) {
                work.add(OrderRequest.forLimitFill(filled.userId(), filled.clientOrderId(), filled.symbol(),
                        clock.instant()));
                fills++;
            }
        }
        if (!work.isEmpty()) queues.enqueueOrders(work);
        for (PriceListener l : listeners) {
            l.pricesChanged(updates);
            l.positionsMarked(marks);
        }
        return new Outcome(updates.size(), stops, fills);
    }

    /** The level the price crossed: stop-loss, take-profit, or null when neither. */
    static OrderTrigger crossed(PositionItem p, BigDecimal price) {
        boolean isLong = Side.LONG.name().equals(p.side());
        if (p.stopLoss() != null && (isLong ? price.compareTo(p.stopLoss()) <= 0 : price.compareTo(p.stopLoss()) >= 0)) {
            return OrderTrigger.STOP_LOSS;
        }
        if (p.takeProfit() != null && (isLong ? price.compareTo(p.takeProfit()) >= 0 : price.compareTo(p.takeProfit()) <= 0)) {
            return OrderTrigger.TAKE_PROFIT;
        }
        return null;
    }

    private List<PositionItem> openPositions(String symbol) {
        return tables.positions().index(Tables.OPEN_BY_SYMBOL)
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(Keys.openBySymbol(symbol)).build())))
                .stream().flatMap(page -> page.items().stream()).toList();
    }
}
