package com.nija.shared.dashboard;

import com.nija.shared.brokers.TradingModeView;
import com.nija.shared.trading.PositionView;
import com.nija.shared.trading.TradeView;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the dashboard's first paint needs in one response. {@code equity} = cash + open positions at
 * the latest prices; {@code todayPnl} = P&L realized today (UTC) + unrealized P&L of open positions;
 * {@code exposure} = gross market value of open positions; {@code tradingMode} = where new orders go (paper, or live
 * at a venue).
 */
public record DashboardView(String tier, String subscriptionStatus, String botState, boolean tradingEnabled,
                            BigDecimal equity, BigDecimal cash, BigDecimal todayPnl, BigDecimal todayRealizedPnl,
                            BigDecimal unrealizedPnl, int openPositions, BigDecimal exposure, BigDecimal exposurePct,
                            List<PositionView> positions, List<TradeView> lastTrades, TradingModeView tradingMode) {}
