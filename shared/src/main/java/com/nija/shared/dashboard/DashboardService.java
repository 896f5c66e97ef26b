package com.nija.shared.dashboard;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.shared.account.BotState;
import com.nija.shared.account.ProfileService;
import com.nija.shared.brokers.TradingModeView;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.ParallelCalls;
import com.nija.shared.json.Json;
import com.nija.shared.trading.AccountValuation;
import com.nija.shared.trading.PositionMath;
import com.nija.shared.trading.PositionRepository;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.PositionView;
import com.nija.shared.trading.PositionsService;
import com.nija.shared.trading.Side;
import com.nija.shared.trading.TradeView;
import com.nija.shared.trading.TradesService;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Builds the dashboard from one cached snapshot plus live prices. */
@Singleton
public class DashboardService {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final JavaType TYPE = Json.MAPPER.constructType(DashboardSnapshot.class);
    private static final int LAST_TRADES = 10;
    /** The cache entry's name; it changes with the snapshot's fields, so no entry of an older shape is read. */
    private static final String VIEW = "dashboard:2";

    private final DashboardRepository items;
    private final PositionRepository positionRepository;
    private final PositionsService positions;
    private final TradesService trades;
    private final UserCache cache;
    private final Clock clock;

    public DashboardService(DashboardRepository items, PositionRepository positionRepository,
                            PositionsService positions, TradesService trades, UserCache cache, Clock clock) {
        this.items = items;
        this.positionRepository = positionRepository;
        this.positions = positions;
        this.trades = trades;
        this.cache = cache;
        this.clock = clock;
    }

    public DashboardView get(String userId) {
        DashboardSnapshot s = cache.getOrLoadShared(userId, VIEW, TTL, TYPE, () -> snapshot(userId));
        List<PositionView> open = positions.value(s.openPositions());
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal signedValue = BigDecimal.ZERO;
        BigDecimal exposure = BigDecimal.ZERO;
        for (PositionView p : open) {
            unrealized = unrealized.add(p.unrealizedPnl());
            signedValue = signedValue.add(PositionMath.signedValue(Side.valueOf(p.side()), p.quantity(), p.currentPrice()));
            exposure = exposure.add(p.marketValue());
        }
        ProfileItem profile = s.profile();
        BigDecimal cash = AccountValuation.cash(profile.startingBalance(), s.lifetimeRealizedPnl(), s.openPositions());
        BigDecimal equity = PositionMath.money(cash.add(signedValue));
        String botState = !s.tradingEnabled() ? "disabled"
                : BotState.PAUSED.name().equals(profile.botState()) ? "paused" : "running";
        // The sign-up trial's tier while it runs (billing writes a subscription's tier onto the profile).
        return new DashboardView(profile.tierAt(clock.instant()), profile.subscriptionStatus(), botState,
                s.tradingEnabled(), equity,
                PositionMath.money(cash), PositionMath.money(s.todayRealizedPnl().add(unrealized)),
                PositionMath.money(s.todayRealizedPnl()), PositionMath.money(unrealized), open.size(),
                PositionMath.money(exposure), PositionMath.percent(exposure, equity), open, s.lastTrades(),
                s.tradingMode());
    }

    /**
     * Three reads side by side, each on its own (one batch of the single items, the open positions, the last
     * trades): a miss then waits for the slowest, not for their sum. Two pooled threads at most per miss.
     */
    private DashboardSnapshot snapshot(String userId) {
        CompletableFuture<List<PositionItem>> open =
                ParallelCalls.start(() -> positionRepository.list(userId, PositionStatus.OPEN));
        CompletableFuture<List<TradeView>> last = ParallelCalls.start(() -> trades.latest(userId, LAST_TRADES));
        DashboardRepository.Items found = items.read(userId, clock.instant());
        ProfileItem profile = found.profile() != null ? found.profile() : ProfileService.newTrader(userId);
        // No settings item: the defaults, where trading is off
        boolean enabled = found.settings() != null && Boolean.TRUE.equals(found.settings().tradingEnabled());
        BigDecimal todayRealized = found.today() == null || found.today().realizedPnl() == null ? BigDecimal.ZERO
                : found.today().realizedPnl();
        BigDecimal lifetime = found.lifetime() == null ? null : found.lifetime().realizedPnl();
        return new DashboardSnapshot(profile, enabled, ParallelCalls.join(open), ParallelCalls.join(last),
                todayRealized, lifetime == null ? BigDecimal.ZERO : lifetime, TradingModeView.of(found.mode()));
    }
}
