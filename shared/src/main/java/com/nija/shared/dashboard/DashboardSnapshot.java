package com.nija.shared.dashboard;

import com.nija.shared.data.PositionItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.trading.TradeView;
import java.math.BigDecimal;
import java.util.List;

/** The stored part of the dashboard (cached per trader); prices are applied on every read. */
public record DashboardSnapshot(ProfileItem profile, boolean tradingEnabled, List<PositionItem> openPositions,
                                List<TradeView> lastTrades, BigDecimal todayRealizedPnl, BigDecimal lifetimeRealizedPnl) {}
