package com.nija.shared.dashboard;

import com.nija.shared.brokers.TradingModeView;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.trading.TradeView;
import java.math.BigDecimal;
import java.util.List;

/**
 * The stored part of the dashboard (cached per trader); prices are applied on every read. Immutable: one parsed
 * snapshot may serve several requests at once ({@code UserCache.getOrLoadShared}).
 */
public record DashboardSnapshot(ProfileItem profile, boolean tradingEnabled, List<PositionItem> openPositions,
                                List<TradeView> lastTrades, BigDecimal todayRealizedPnl, BigDecimal lifetimeRealizedPnl,
                                TradingModeView tradingMode) {
    public DashboardSnapshot {
        openPositions = openPositions == null ? List.of() : List.copyOf(openPositions);
        lastTrades = lastTrades == null ? List.of() : List.copyOf(lastTrades);
    }
}
