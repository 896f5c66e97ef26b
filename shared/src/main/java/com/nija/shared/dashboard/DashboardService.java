package com.nija.shared.dashboard;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.shared.account.BotState;
import com.nija.shared.account.ProfileService;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.brokers.TradingModeView;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.RollupPeriod;
import com.nija.shared.json.Json;
import com.nija.shared.performance.RollupRepository;
import com.nija.shared.settings.SettingsService;
import com.nija.shared.trading.AccountValuation;
import com.nija.shared.trading.PositionMath;
import com.nija.shared.trading.PositionRepository;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.PositionView;
import com.nija.shared.trading.PositionsService;
import com.nija.shared.trading.Side;
import com.nija.shared.trading.TradesService;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Builds the dashboard from one cached snapshot plus live prices. */
@Singleton
public class DashboardService {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final JavaType TYPE = Json.MAPPER.constructType(DashboardSnapshot.class);
    private static final int LAST_TRADES = 10;
    /** The cache entry's name; it changes with the snapshot's fields, so no entry of an older shape is read. */
    private static final String VIEW = "dashboard:2";

    private final ProfileService profiles;
    private final SettingsService settings;
    private final PositionRepository positionRepository;
    private final PositionsService positions;
    private final TradesService trades;
    private final RollupRepository rollups;
    private final BrokerLinkRepository brokers;
    private final UserCache cache;
    private final Clock clock;

    public DashboardService(ProfileService profiles, SettingsService settings, PositionRepository positionRepository,
                            PositionsService positions, TradesService trades, RollupRepository rollups,
                            BrokerLinkRepository brokers, UserCache cache, Clock clock) {
        this.profiles = profiles;
        this.settings = settings;
        this.positionRepository = positionRepository;
        this.positions = positions;
        this.trades = trades;
        this.rollups = rollups;
        this.brokers = brokers;
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
        return new DashboardView(profile.tier(), profile.subscriptionStatus(), botState, s.tradingEnabled(), equity,
                PositionMath.money(cash), PositionMath.money(s.todayRealizedPnl().add(unrealized)),
                PositionMath.money(s.todayRealizedPnl()), PositionMath.money(unrealized), open.size(),
                PositionMath.money(exposure), PositionMath.percent(exposure, equity), open, s.lastTrades(),
                s.tradingMode());
    }

    private DashboardSnapshot snapshot(String userId) {
        ProfileItem profile = profiles.get(userId);
        boolean enabled = Boolean.TRUE.equals(settings.get(userId).tradingEnabled());
        String today = Keys.bucket(RollupPeriod.DAY, clock.instant());
        BigDecimal todayRealized = rollups.range(userId, RollupPeriod.DAY, today, today).stream()
                .map(RollupItem::realizedPnl).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lifetime = rollups.lifetime(userId).map(RollupItem::realizedPnl).orElse(null);
        return new DashboardSnapshot(profile, enabled, positionRepository.list(userId, PositionStatus.OPEN),
                trades.latest(userId, LAST_TRADES), todayRealized, lifetime == null ? BigDecimal.ZERO : lifetime,
                TradingModeView.of(brokers.mode(userId)));
    }
}
