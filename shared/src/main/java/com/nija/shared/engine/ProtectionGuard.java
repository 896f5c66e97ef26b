package com.nija.shared.engine;

import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.protections.DrawdownLevel;
import com.nija.shared.protections.ProtectionKind;
import com.nija.shared.protections.ProtectionListener;
import com.nija.shared.protections.ProtectionRules;
import com.nija.shared.protections.ProtectionSettings;
import com.nija.shared.protections.ProtectionSettingsItem;
import com.nija.shared.protections.ProtectionStateItem;
import com.nija.shared.protections.ProtectionStore;
import com.nija.shared.protections.ProtectionTrip;
import com.nija.shared.protections.ProtectionTrips;
import com.nija.shared.trading.AccountValuation;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protections in the engine. Before a new entry ({@link #checkEntry}) it samples the trader's equity (cash plus
 * open positions at the latest prices) against its peak, announces a crossed drawdown threshold once, and refuses the
 * entry when a protection stops it. After a losing stop-loss exit ({@link #filled}) it counts the hit for the
 * symbol's guard and starts its cooldown when the count is reached. Exits are never checked.
 *
 * <p>The peak is sampled where entries are decided: a high that equity reached and lost between two entry decisions
 * is not seen (the peak is never higher than the equity really was).
 */
@Singleton
public class ProtectionGuard implements TradeListener {
    private static final Logger LOG = LoggerFactory.getLogger(ProtectionGuard.class);

    private final ProtectionStore store;
    private final List<ProtectionListener> listeners;
    private final Clock clock;

    public ProtectionGuard(ProtectionStore store, List<ProtectionListener> listeners, Clock clock) {
        this.store = store;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * Checks a new entry for {@code userId} on {@code symbol}, from what the engine read in its snapshot ({@code saved}:
     * the protection settings, null for defaults; {@code read}: the state, null if none yet).
     *
     * @return why a protection refuses it (the text starts with the protection's slug), or empty to go on
     */
    public Optional<String> checkEntry(String userId, String symbol, TraderState trader, ProtectionSettingsItem saved,
                                       ProtectionStateItem read) {
        ProtectionSettings settings = ProtectionSettingsItem.inForce(saved);
        Instant now = clock.instant();
        BigDecimal cash = AccountValuation.cash(trader.profile().startingBalance(), trader.lifetimeRealized(), trader.open());
        BigDecimal equity = AccountValuation.equity(cash, trader.open(), trader.prices());
        boolean targetReached = ProtectionRules.profitTargetReached(settings, trader.todayRealized());
        String today = ProtectionRules.utcDay(now);
        List<ProtectionTrip> trips = new ArrayList<>();
        ProtectionStateItem start = read != null ? read : ProtectionStateItem.empty(Keys.user(userId), Keys.PROTECTION_STATE);
        ProtectionStateItem state = store.update(userId, start, st -> {
            trips.clear();
            BigDecimal known = knownPeak(st, trader);
            BigDecimal peak = ProtectionRules.peakAfter(known, equity);
            BigDecimal pct = ProtectionRules.drawdownPct(peak, equity);
            DrawdownLevel level = DrawdownLevel.of(pct, settings);
            if (level.compareTo(st.level()) > 0) {
                ProtectionKind kind = level == DrawdownLevel.STOPPED ? ProtectionKind.DRAWDOWN_STOP : ProtectionKind.DRAWDOWN_WARNING;
                String detail = level == DrawdownLevel.STOPPED ? ProtectionRules.drawdownStop(equity, peak, pct, settings)
                        : ProtectionRules.drawdownWarning(equity, peak, pct, settings);
                trips.add(new ProtectionTrip(kind, null, now, null, detail));
            }
            boolean targetTrip = targetReached && !today.equals(st.profitTargetDay());
            if (targetTrip) {
                trips.add(new ProtectionTrip(ProtectionKind.DAILY_PROFIT_TARGET, null, now, null,
                        ProtectionRules.profitTarget(trader.todayRealized(), settings)));
            }
            boolean peakMoved = known == null || peak.compareTo(known) != 0;
            if (!peakMoved && level == st.level() && !targetTrip) return null;
            return new ProtectionStateItem(st.pk(), st.sk(), peak, peakMoved ? now : st.peakAt(), level, st.stopHits(),
                    st.cooldowns(), targetTrip ? today : st.profitTargetDay(), logged(st, trips), st.version());
        }).orElse(start);
        announce(userId, trips);

        BigDecimal peak = ProtectionRules.peakAfter(knownPeak(state, trader), equity);
        BigDecimal pct = ProtectionRules.drawdownPct(peak, equity);
        if (DrawdownLevel.of(pct, settings) == DrawdownLevel.STOPPED) {
            return Optional.of(ProtectionRules.drawdownStop(equity, peak, pct, settings));
        }
        Optional<Instant> cooling = ProtectionRules.coolingUntil(state, symbol, now);
        if (cooling.isPresent()) return Optional.of(ProtectionRules.cooldown(symbol, cooling.get(), settings));
        if (targetReached) return Optional.of(ProtectionRules.profitTarget(trader.todayRealized(), settings));
        return Optional.empty();
    }

    /**
     * The peak so far: the stored one; for a trader the protections never saw, what they started with (nothing is
     * written until equity passes it or a threshold is crossed); after a restart, none (the next equity is the peak).
     */
    private static BigDecimal knownPeak(ProtectionStateItem st, TraderState trader) {
        if (st.equityPeak() != null) return st.equityPeak();
        return st.version() == null ? trader.profile().startingBalance() : null;
    }

    /** A losing stop-loss exit counts towards its symbol's guard (once per order, however often it is applied). */
    @Override
    public void filled(OrderItem order, PositionItem position, BigDecimal realizedPnl) {
        if (order.intent() != OrderIntent.CLOSE || realizedPnl == null || realizedPnl.signum() >= 0) return;
        if (!OrderTrigger.STOP_LOSS.label().equals(order.strategy())
                || !OrderTrigger.STOP_LOSS.source().equals(order.source())) {
            return;
        }
        try {
            countStopLoss(order);
        } catch (RuntimeException e) {
            // The fill stands whatever happens here; a lost count only delays a cooldown.
            Telemetry.count("ProtectionError");
            LOG.warn("stop-loss of order {} not counted by the stoploss guard: {}", order.orderId(), e.toString());
        }
    }

    private void countStopLoss(OrderItem order) {
        String userId = order.userId();
        ProtectionSettings settings = ProtectionSettingsItem.inForce(store.settings(userId).orElse(null));
        if (!settings.guardOn()) return;
        Instant at = order.filledAt() != null ? order.filledAt() : clock.instant();
        String symbol = order.symbol();
        String mark = at.getEpochSecond() + ":" + order.orderId();
        List<ProtectionTrip> trips = new ArrayList<>();
        store.update(userId, null, st -> {
            trips.clear();
            List<String> hits = st.hits().getOrDefault(symbol, List.of());
            if (hits.stream().anyMatch(h -> h.endsWith(":" + order.orderId()))) return null;
            long windowStart = at.minus(settings.lookback()).getEpochSecond();
            Map<String, List<String>> allHits = new HashMap<>();
            st.hits().forEach((s, list) -> {
                List<String> inWindow = list.stream().filter(h -> epochOf(h) > windowStart).toList();
                if (!inWindow.isEmpty()) allHits.put(s, inWindow);
            });
            List<String> symbolHits = new ArrayList<>(allHits.getOrDefault(symbol, List.of()));
            symbolHits.add(mark);
            allHits.put(symbol, symbolHits);
            Map<String, Long> cooldowns = new HashMap<>();
            st.cooling().forEach((s, until) -> {
                if (until > at.getEpochSecond()) cooldowns.put(s, until);
            });
            if (symbolHits.size() >= settings.stoplossGuardTrades() && !cooldowns.containsKey(symbol)) {
                Instant until = at.plus(settings.cooldown());
                cooldowns.put(symbol, until.getEpochSecond());
                trips.add(new ProtectionTrip(ProtectionKind.STOPLOSS_GUARD, symbol, at, until,
                        ProtectionRules.cooldown(symbol, until, settings)));
            }
            return new ProtectionStateItem(st.pk(), st.sk(), st.equityPeak(), st.peakAt(), st.level(), allHits.isEmpty() ? null : allHits,
                    cooldowns.isEmpty() ? null : cooldowns, st.profitTargetDay(), logged(st, trips), st.version());
        });
        announce(userId, trips);
    }

    private static long epochOf(String hit) {
        return Long.parseLong(hit.substring(0, hit.indexOf(':')));
    }

    /** The state's trip log with {@code trips} in front, newest first, capped. */
    private static List<String> logged(ProtectionStateItem st, List<ProtectionTrip> trips) {
        if (trips.isEmpty()) return st.trips();
        List<String> log = new ArrayList<>();
        for (int i = trips.size() - 1; i >= 0; i--) log.add(ProtectionTrips.write(trips.get(i)));
        log.addAll(st.tripLog());
        return List.copyOf(log.subList(0, Math.min(log.size(), ProtectionStateItem.KEPT_TRIPS)));
    }

    private void announce(String userId, List<ProtectionTrip> trips) {
        for (ProtectionTrip trip : trips) {
            Telemetry.count("ProtectionTripped");
            for (ProtectionListener listener : listeners) {
                try {
                    listener.tripped(userId, trip);
                } catch (RuntimeException e) {
                    LOG.warn("a listener failed on a {} trip: {}", trip.kind().slug(), e.toString());
                }
            }
        }
    }
}
