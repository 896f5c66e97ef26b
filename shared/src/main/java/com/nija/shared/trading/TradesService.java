package com.nija.shared.trading;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradeItem;
import com.nija.shared.json.Json;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/** Trade history with cursor pagination: no duplicates or gaps however the pages are walked. */
@Singleton
public class TradesService {
    public static final int MAX_LIMIT = 100;
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final JavaType PAGE = Json.MAPPER.constructType(TradesPage.class);

    private final TradeRepository trades;
    private final UserCache cache;
    private final CursorCodec cursors;

    public TradesService(TradeRepository trades, UserCache cache, CursorCodec cursors) {
        this.trades = trades;
        this.cache = cache;
        this.cursors = cursors;
    }

    /**
     * @param symbol canonical symbol to filter on, or null for all
     * @param cursor a cursor from a previous page of the same query, or null for the first page
     */
    public TradesPage page(String userId, String symbol, int limit, String cursor) {
        String scope = "trades:" + (symbol == null ? "*" : symbol);
        String after = cursor == null ? null : cursors.decode(userId, scope, cursor);
        String view = scope + ":" + limit + ":" + (after == null ? "first" : after);
        return cache.getOrLoad(userId, view, TTL, PAGE, () -> load(userId, symbol, limit, after, scope));
    }

    /** The newest trades, for the dashboard. */
    public List<TradeView> latest(String userId, int count) {
        return trades.newest(userId, null, null, count).stream().map(TradesService::view).toList();
    }

    private TradesPage load(String userId, String symbol, int limit, String after, String scope) {
        List<TradeItem> items = trades.newest(userId, symbol, after, limit + 1);
        boolean more = items.size() > limit;
        List<TradeItem> page = more ? items.subList(0, limit) : items;
        String next = more ? cursors.encode(userId, scope, page.get(page.size() - 1).sk()) : null;
        return new TradesPage(page.stream().map(TradesService::view).toList(), next);
    }

    static TradeView view(TradeItem t) {
        return new TradeView(t.tradeId(), t.orderId(), t.positionId(), t.symbol(), t.side(), t.quantity(), t.price(),
                t.fee(), t.realizedPnl(), t.executedAt());
    }

}
