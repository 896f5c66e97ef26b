package com.nija.shared.live;

import com.nija.shared.account.BotState;
import com.nija.shared.data.ControlItem;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.BotStateListener;
import com.nija.shared.engine.KillSwitchListener;
import com.nija.shared.engine.TradeListener;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.prices.PriceListener;
import com.nija.shared.protections.ProtectionListener;
import com.nija.shared.protections.ProtectionTrip;
import com.nija.shared.reconcile.DriftListener;
import com.nija.shared.reconcile.PositionDrift;
import com.nija.shared.market.PriceUpdate;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every state change into pushes to the connections that want it, in the process where the change happens:
 * the engine's fills, recorded orders and bot pauses (as a {@link TradeListener}, in the executor), the kill switch
 * (in its admin function), a trader's own pause and resume (in theirs) and prices (in price ingest).
 *
 * <ul>
 *   <li>order filled → {@code orders: order.filled}, {@code trades: trade.executed},
 *       {@code positions: position.opened | position.closed} and, for a close, {@code positions: pnl.changed} —
 *       one message per connection, in that order;</li>
 *   <li>order refused / failed / resting / cancelled → {@code orders: order.refused | order.failed | order.placed |
 *       order.cancelled};</li>
 *   <li>kill switch → {@code system: killswitch.engaged | killswitch.released} to every connection;</li>
 *   <li>a trader's bot paused or resumed → {@code system: bot.paused | bot.resumed} to each of their connections;</li>
 *   <li>prices → {@code prices:<SYMBOL>: price} to the connections watching that market, all of one ingest batch
 *       together;</li>
 *   <li>a protection fired for a trader (a drawdown threshold, a symbol's stoploss guard, the daily profit target) →
 *       {@code system: protection.tripped} to each of their connections;</li>
 *   <li>reconciliation found a live venue holding less than the trader's positions there →
 *       {@code positions: position.drift} to each of their connections, whatever they subscribe to.</li>
 * </ul>
 *
 * A push never fails what caused it: every error is logged and counted ({@code PushError}) and the change stands.
 * Among the engine's listeners it runs last, so whatever else listens has seen the fill before a client does.
 */
@Singleton
public class LiveEvents implements TradeListener, KillSwitchListener, BotStateListener, PriceListener, DriftListener,
        ProtectionListener, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    private final ConnectionRegistry registry;
    private final PushDispatcher dispatcher;
    private final Clock clock;

    public LiveEvents(ConnectionRegistry registry, PushDispatcher dispatcher, Clock clock) {
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void filled(OrderItem order, PositionItem position, BigDecimal realizedPnl) {
        safely("fill of " + order.orderId(), () -> pushToTrader(order.userId(), subscribed -> {
            List<LiveUpdate> updates = new ArrayList<>(4);
            Instant at = order.filledAt() != null ? order.filledAt() : clock.instant();
            if (subscribed.contains(Channels.ORDERS)) {
                updates.add(new LiveUpdate(Channels.ORDERS, LiveEvent.ORDER_FILLED, at, LiveViews.Order.of(order)));
            }
            if (subscribed.contains(Channels.TRADES)) {
                updates.add(new LiveUpdate(Channels.TRADES, LiveEvent.TRADE_EXECUTED, at, LiveViews.Trade.of(order, realizedPnl)));
            }
            if (subscribed.contains(Channels.POSITIONS) && order.positionId() != null) {
                if (position != null) {
                    boolean closed = "CLOSED".equals(position.status());
                    updates.add(new LiveUpdate(Channels.POSITIONS,
                            closed ? LiveEvent.POSITION_CLOSED : LiveEvent.POSITION_OPENED, at,
                            LiveViews.Position.of(position)));
                }
                if (realizedPnl != null) {
                    updates.add(new LiveUpdate(Channels.POSITIONS, LiveEvent.PNL_CHANGED, at,
                            LiveViews.Pnl.realized(order.positionId(), order.symbol(), realizedPnl, at)));
                }
            }
            return updates;
        }));
    }

    @Override
    public void recorded(OrderItem order) {
        safely("order " + order.orderId(), () -> pushToTrader(order.userId(), subscribed -> {
            if (!subscribed.contains(Channels.ORDERS)) return List.of();
            LiveEvent event = order.status() == null ? LiveEvent.ORDER_RECORDED : switch (order.status()) {
                case REFUSED -> LiveEvent.ORDER_REFUSED;
                case FAILED -> LiveEvent.ORDER_FAILED;
                case RESTING -> LiveEvent.ORDER_PLACED;
                case CANCELLED -> LiveEvent.ORDER_CANCELLED;
                case FILLED -> LiveEvent.ORDER_RECORDED;
                case SUBMITTED -> LiveEvent.ORDER_SUBMITTED;
            };
            return List.of(new LiveUpdate(Channels.ORDERS, event, order.createdAt(), LiveViews.Order.of(order)));
        }));
    }

    @Override
    public void botPaused(String userId, String reason) {
        botStateChanged(userId, BotState.PAUSED, reason);
    }

    /**
     * A trader's bot was paused or resumed — by the engine, or by the trader from one of their devices: every
     * connection of theirs hears it ({@code system: bot.paused | bot.resumed}), subscribed to anything or nothing.
     */
    @Override
    public void botStateChanged(String userId, BotState state, String reason) {
        safely("bot state of " + userId, () -> {
            Instant now = clock.instant();
            LiveUpdate update = new LiveUpdate(Channels.SYSTEM,
                    state == BotState.PAUSED ? LiveEvent.BOT_PAUSED : LiveEvent.BOT_RESUMED, now,
                    new LiveViews.Bot(state.name().toLowerCase(java.util.Locale.ROOT), reason, now));
            pushToTrader(userId, subscribed -> List.of(update));
        });
    }

    /** A protection fired: it changes what the trader's bot may do, so every connection of theirs hears it. */
    @Override
    public void tripped(String userId, ProtectionTrip trip) {
        safely(trip.kind().slug() + " of " + userId, () -> pushToTrader(userId, subscribed -> List.of(
                new LiveUpdate(Channels.SYSTEM, LiveEvent.PROTECTION_TRIPPED, trip.at(), trip))));
    }

    /** Drift at a live venue is the trader's money: every connection of theirs hears it. */
    @Override
    public void positionDrift(String userId, PositionDrift drift) {
        safely("drift of " + userId, () -> pushToTrader(userId, subscribed -> List.of(
                new LiveUpdate(Channels.POSITIONS, LiveEvent.POSITION_DRIFT, drift.detectedAt(), drift))));
    }

    /** The global kill switch changed: every connection hears it. */
    @Override
    public void killSwitchChanged(ControlItem state) {
        safely("kill switch", () -> {
            if (!dispatcher.enabled()) return;
            LiveUpdate update = new LiveUpdate(Channels.SYSTEM,
                    Boolean.TRUE.equals(state.engaged()) ? LiveEvent.KILLSWITCH_ENGAGED : LiveEvent.KILLSWITCH_RELEASED,
                    state.changedAt(), LiveViews.KillSwitch.of(state));
            Map<PushDispatcher.Recipient, List<LiveUpdate>> work = new LinkedHashMap<>();
            for (ConnectionItem c : registry.all(clock.instant())) work.put(recipient(c), List.of(update));
            dispatcher.deliver(work);
        });
    }

    /** A batch of prices was ingested: each watching connection gets all of its markets' prices of the batch. */
    @Override
    public void pricesChanged(List<PriceUpdate> prices) {
        safely("prices", () -> {
            if (!dispatcher.enabled() || prices.isEmpty()) return;
            Instant now = clock.instant();
            Map<String, List<PriceUpdate>> bySymbol = new LinkedHashMap<>();
            for (PriceUpdate p : prices) bySymbol.computeIfAbsent(p.symbol(), s -> new ArrayList<>()).add(p);
            Map<PushDispatcher.Recipient, List<LiveUpdate>> work = new LinkedHashMap<>();
            Map<PushDispatcher.Recipient, List<String>> watched = new LinkedHashMap<>();
            // One look-up per market, side by side: a batch of many markets costs its slowest look-up, not their sum.
            Map<String, java.util.concurrent.CompletableFuture<List<PriceWatchItem>>> watchers = new LinkedHashMap<>();
            bySymbol.keySet().forEach(symbol -> watchers.put(symbol,
                    com.nija.shared.engine.ParallelCalls.start(() -> registry.watchers(symbol, now))));
            bySymbol.forEach((symbol, updates) -> {
                for (PriceWatchItem w : com.nija.shared.engine.ParallelCalls.join(watchers.get(symbol))) {
                    PushDispatcher.Recipient r = new PushDispatcher.Recipient(w.userId(), w.connectionId(),
                            Format.stored(w.format()), w.endpoint());
                    List<LiveUpdate> forR = work.computeIfAbsent(r, k -> new ArrayList<>());
                    for (PriceUpdate u : updates) {
                        LiveViews.Price view = LiveViews.Price.of(u, now);
                        forR.add(new LiveUpdate(Channels.prices(symbol), LiveEvent.PRICE, view.at(), view));
                    }
                    watched.computeIfAbsent(r, k -> new ArrayList<>()).add(symbol);
                }
            });
            dispatcher.deliver(work).forEach((r, result) -> {
                // A watch whose connection is already gone (its item removed without its watches) goes too.
                if (result == PushDispatcher.Result.CLOSED || result == PushDispatcher.Result.GONE) {
                    watched.get(r).forEach(symbol -> registry.forgetWatch(symbol, r.connectionId()));
                }
            });
        });
    }

    /**
     * The market moved under open positions: each trader holding one hears its unrealized P&L at the new price
     * ({@code pnl.changed} on {@code positions}), one message per trader and batch whatever the number of positions.
     *
     * @param marks the open positions of the batch's markets, each with the price it is now marked at
     */
    @Override
    public void positionsMarked(Map<PositionItem, PriceUpdate> marks) {
        safely("marks", () -> {
            if (!dispatcher.enabled() || marks.isEmpty()) return;
            Instant now = clock.instant();
            Map<String, List<LiveUpdate>> byTrader = new LinkedHashMap<>();
            marks.forEach((p, price) -> {
                LiveViews.Pnl pnl = LiveViews.Pnl.marked(p, price.price(), price.at() == null ? now : price.at());
                byTrader.computeIfAbsent(p.userId(), u -> new ArrayList<>())
                        .add(new LiveUpdate(Channels.POSITIONS, LiveEvent.PNL_CHANGED, pnl.at(), pnl));
            });
            // Each trader's connections are looked up and pushed to side by side (their order does not matter).
            List<java.util.concurrent.CompletableFuture<Boolean>> pushes = new ArrayList<>();
            byTrader.forEach((user, updates) -> pushes.add(com.nija.shared.engine.ParallelCalls.start(() -> {
                pushToTrader(user, subscribed -> subscribed.contains(Channels.POSITIONS) ? updates : List.of());
                return true;
            })));
            pushes.forEach(com.nija.shared.engine.ParallelCalls::join);
        });
    }

    /** Builds each of the trader's connections its updates (from what it subscribes to) and delivers them. */
    private void pushToTrader(String userId, Function<Set<String>, List<LiveUpdate>> updatesFor) {
        if (!dispatcher.enabled()) return;
        List<ConnectionItem> connections = registry.ofUser(userId, clock.instant());
        if (connections.isEmpty()) return;
        // Build once per distinct subscription set: a trader's connections usually want the same channels.
        Map<Set<String>, List<LiveUpdate>> built = new LinkedHashMap<>();
        Map<PushDispatcher.Recipient, List<LiveUpdate>> work = new LinkedHashMap<>();
        for (ConnectionItem c : connections) {
            List<LiveUpdate> updates = built.computeIfAbsent(ConnectionRegistry.subscriptions(c), updatesFor);
            if (!updates.isEmpty()) work.put(recipient(c), updates);
        }
        dispatcher.deliver(work);
    }

    private static PushDispatcher.Recipient recipient(ConnectionItem c) {
        return new PushDispatcher.Recipient(c.userId(), c.connectionId(), Format.stored(c.format()), c.endpoint());
    }

    private static void safely(String what, Runnable push) {
        try {
            push.run();
        } catch (RuntimeException e) {
            Telemetry.count("PushError");
            LOG.warn("live push for {} failed; the change itself stands: {}", what, e.toString());
        }
    }
}
