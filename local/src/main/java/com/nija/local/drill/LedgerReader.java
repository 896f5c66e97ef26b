package com.nija.local.drill;

import com.nija.shared.cache.UserCache;
import com.nija.shared.dashboard.DashboardService;
import com.nija.shared.data.PositionItem;
import com.nija.shared.trading.PositionsService;
import com.nija.shared.trading.TradeView;
import com.nija.shared.trading.TradesPage;
import com.nija.shared.trading.TradesService;
import io.micronaut.context.ApplicationContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a trader's ledger through the services the API answers from (dashboard, positions, trades). The trader's
 * cache entries are dropped first: the drill checks what the table holds, not what Redis remembered of it.
 */
final class LedgerReader {
    private final DashboardService dashboard;
    private final PositionsService positions;
    private final TradesService trades;
    private final UserCache cache;

    LedgerReader(ApplicationContext context) {
        this.dashboard = context.getBean(DashboardService.class);
        this.positions = context.getBean(PositionsService.class);
        this.trades = context.getBean(TradesService.class);
        this.cache = context.getBean(UserCache.class);
    }

    TraderLedger read(String userId) {
        cache.invalidate(userId);
        Map<String, PositionItem> byId = new LinkedHashMap<>();
        for (PositionItem p : positions.items(userId, null)) byId.put(p.positionId(), p);
        Map<String, TradeView> tradesById = new LinkedHashMap<>();
        String cursor = null;
        do {
            TradesPage page = trades.page(userId, null, TradesService.MAX_LIMIT, cursor);
            for (TradeView t : page.trades()) tradesById.put(t.tradeId(), t);
            cursor = page.nextCursor();
        } while (cursor != null);
        return new TraderLedger(userId, dashboard.get(userId).cash(), byId, tradesById);
    }
}
