package com.nija.shared.trading;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.PositionItem;
import com.nija.shared.json.Json;
import com.nija.shared.market.PriceBook;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A trader's positions with unrealized P&L at the latest price. The position items are cached per trader
 * (invalidated by generation on every change); prices are read on every call, at most half a second old
 * ({@link PriceBook#quotes}), so P&L never waits for the cache to expire.
 */
@Singleton
public class PositionsService {
    private static final Duration TTL = Duration.ofSeconds(30);
    /** Most closed positions one page holds. */
    public static final int MAX_LIMIT = 100;
    private static final JavaType ITEMS = Json.MAPPER.getTypeFactory().constructCollectionType(List.class, PositionItem.class);
    private static final JavaType PAGE = Json.MAPPER.constructType(PositionsPage.class);
    private static final String CLOSED_SCOPE = "positions:closed";

    private final PositionRepository positions;
    private final PriceBook prices;
    private final UserCache cache;
    private final CursorCodec cursors;

    public PositionsService(PositionRepository positions, PriceBook prices, UserCache cache, CursorCodec cursors) {
        this.positions = positions;
        this.prices = prices;
        this.cache = cache;
        this.cursors = cursors;
    }

    /**
     * One page of the trader's closed positions (they only ever grow), in position-id order.
     *
     * @param cursor a cursor from the previous page of this listing, or null for the first page
     * @throws com.nija.shared.problem.InvalidInputException when the cursor was not issued for this trader's listing
     */
    public PositionsPage closed(String userId, int limit, String cursor) {
        String after = cursor == null ? null : cursors.decode(userId, CLOSED_SCOPE, cursor);
        String view = CLOSED_SCOPE + ":" + limit + ":" + (after == null ? "first" : after);
        return cache.getOrLoad(userId, view, TTL, PAGE, () -> {
            List<PositionItem> items = positions.page(userId, PositionStatus.CLOSED, after, limit + 1);
            boolean more = items.size() > limit;
            List<PositionItem> page = more ? items.subList(0, limit) : items;
            String next = more ? cursors.encode(userId, CLOSED_SCOPE, page.get(page.size() - 1).sk()) : null;
            return new PositionsPage(page.stream().map(p -> view(p, null)).toList(), next);
        });
    }

    public List<PositionItem> items(String userId, PositionStatus status) {
        String view = "positions:" + (status == null ? "all" : status.name());
        // The parsed list may serve several requests at once: each caller gets its own unmodifiable copy of it
        // (a few references; the records themselves are immutable).
        return List.copyOf(cache.getOrLoadShared(userId, view, TTL, ITEMS, () -> positions.list(userId, status)));
    }

    public List<PositionView> list(String userId, PositionStatus status) {
        return value(items(userId, status));
    }

    /** Values positions at the latest prices (one price lookup for all of them; see {@link PriceBook#quotes}). */
    public List<PositionView> value(List<PositionItem> items) {
        Map<String, BigDecimal> latest = prices.quotes(items.stream()
                .filter(p -> PositionStatus.OPEN.name().equals(p.status())).map(PositionItem::symbol).toList());
        return items.stream().map(p -> view(p, latest.get(p.symbol()))).toList();
    }

    static PositionView view(PositionItem p, BigDecimal price) {
        boolean open = PositionStatus.OPEN.name().equals(p.status());
        BigDecimal current = open ? (price != null ? price : p.entryPrice()) : null;
        BigDecimal unrealized = null;
        BigDecimal unrealizedPct = null;
        BigDecimal marketValue = null;
        if (open) {
            Side side = Side.valueOf(p.side());
            unrealized = PositionMath.money(PositionMath.unrealizedPnl(side, p.quantity(), p.entryPrice(), current));
            unrealizedPct = PositionMath.percent(unrealized, p.quantity().multiply(p.entryPrice()));
            marketValue = PositionMath.money(p.quantity().multiply(current));
        }
        return new PositionView(p.positionId(), p.symbol(), p.side(), p.quantity(), p.entryPrice(), p.status(),
                p.openedAt(), p.closedAt(), p.exitPrice(), current, marketValue, unrealized, unrealizedPct,
                p.realizedPnl(), p.fees(), p.stopLoss(), p.takeProfit(), p.venue(), PositionView.Exits.of(p));
    }
}
