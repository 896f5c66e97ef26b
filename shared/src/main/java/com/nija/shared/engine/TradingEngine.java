package com.nija.shared.engine;

import com.nija.shared.exits.ExitPlan;
import com.nija.shared.account.ProfileService;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.billing.BillingStanding;
import com.nija.shared.broker.Broker;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.broker.OrderRef;
import com.nija.shared.broker.OrderTicket;
import com.nija.shared.broker.PreparedTicket;
import com.nija.shared.brokers.TradingMode;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.market.PriceBook;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.order.OrderType;
import com.nija.shared.settings.SettingsService;
import com.nija.shared.trading.PositionRepository;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.Side;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueRateLimitedException;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one trader's order request into at most one broker order, exactly once:
 * <ol>
 *   <li>an order id derived from what caused it (a signal, a crossed stop or target, a click, a limit fill; see
 *       {@link OrderRequest}) and the trader; if that order exists, finish applying it and stop;</li>
 *   <li>on a redelivery, ask the paper broker first — an order it has is applied whatever the rules say now;</li>
 *   <li>otherwise plan under the risk rules (refusals are recorded with their reason), and route: a close to the
 *       broker its position was opened at, a new position to the trader's mode (paper, or their live venue) as it is
 *       now; the broker sizes the ticket to the venue's rules or refuses it before anything is sent;</li>
 *   <li>paper: place (brokers deduplicate on the order id), record the order, apply it to the books. Live: record the
 *       order SUBMITTED first, then place it under the venue's format of the same id and record the venue's answer;
 *       whoever finds it SUBMITTED later asks the venue before placing it again. A close's order id is its position's
 *       ({@link OrderIds#close}), so the order's conditional write is also the close claim: two closes of one position
 *       (an exit signal and a stop, or two clicks) record one order, and the second sees a duplicate. A failed close
 *       is recorded under the request's own id, so the position can still be closed later.</li>
 *   <li>a scale-out (a rung of the position's take-profit ladder, {@link OrderTrigger#SCALE_OUT}) is a partial close
 *       under its own id, derived from the position and the rung: it never collides with the close of everything,
 *       and a redelivered or duplicated request names the same order.</li>
 * </ol>
 */
@Singleton
public class TradingEngine {
    private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);
    private static final Duration ORDER_RETENTION = Duration.ofDays(400);

    private final OrderRepository orders;
    private final TraderSnapshotRepository snapshots;
    private final BrokerErrorTracker brokerHealth;
    private final PositionLedger ledger;
    private final PositionRepository positions;
    private final ProfileService profiles;
    private final SettingsService settings;
    private final TierCatalog tiers;
    private final PriceBook prices;
    private final Broker broker;
    private final KillSwitch killSwitch;
    private final OrderThrottle throttle;
    private final UserCache cache;
    private final List<TradeListener> listeners;
    private final Clock clock;
    private final LiveOrders live;
    private final ProtectionGuard protections;

    public TradingEngine(OrderRepository orders, TraderSnapshotRepository snapshots, BrokerErrorTracker brokerHealth,
                         PositionLedger ledger, PositionRepository positions,
                         ProfileService profiles, SettingsService settings, TierCatalog tiers,
                         PriceBook prices, Broker broker, KillSwitch killSwitch, OrderThrottle throttle, UserCache cache,
                         List<TradeListener> listeners, ProtectionGuard protections, Clock clock) {
        this.protections = protections;
        this.orders = orders;
        this.snapshots = snapshots;
        this.brokerHealth = brokerHealth;
        this.ledger = ledger;
        this.positions = positions;
        this.profiles = profiles;
        this.settings = settings;
        this.tiers = tiers;
        this.prices = prices;
        this.broker = broker;
        this.killSwitch = killSwitch;
        this.throttle = throttle;
        this.cache = cache;
        this.listeners = listeners;
        this.clock = clock;
        this.live = new LiveOrders(orders, broker, brokerHealth, ledger, killSwitch, cache, listeners, clock,
                new LiveOrders.Engine() {
                    @Override
                    public ExecutionResult applyFilled(OrderItem order, PositionItem closing) {
                        return TradingEngine.this.applyFilled(order, closing);
                    }

                    @Override
                    public ExecutionResult resume(OrderItem order, boolean lastAttempt) {
                        return TradingEngine.this.resume(order, lastAttempt);
                    }

                    @Override
                    public void brokerFailed(String userId, BrokerException e) {
                        TradingEngine.this.brokerFailed(userId, e);
                    }
                });
    }

    /**
     * @param redelivery the message was delivered before (the broker may already have this order)
     * @param lastAttempt no redelivery will follow: a broker failure is recorded as FAILED instead of retried
     */
    public ExecutionResult execute(OrderRequest request, boolean redelivery, boolean lastAttempt) {
        String orderId = request.orderId();
        String userId = request.userId();
        if (request.cancels()) return cancelResting(request);
        // The open positions are read beside the snapshot (both are needed unless the order exists: rare).
        CompletableFuture<List<PositionItem>> open = ParallelCalls.start(() -> positions.list(userId, PositionStatus.OPEN));
        TraderSnapshot snapshot = snapshots.read(userId, orderId, clock.instant());
        if (snapshot.order() != null) return ExecutionResult.duplicateOf(resume(snapshot.order(), lastAttempt));
        if (request.trigger() == OrderTrigger.LIMIT_FILL) {
            // The fill belongs to an order its own request has not recorded yet; that request's redelivery finds it
            // filled at the broker. Until then, this one waits its turn (and reaches the dead-letter queue if never).
            return ExecutionResult.retryLater("resting order " + orderId + " is not recorded yet");
        }
        if (redelivery) {
            // Only a paper order can be at its broker unrecorded: a live one is recorded SUBMITTED before it is sent.
            Optional<Fill> placed = lookupQuietly(new OrderRef(userId, null, request.symbol(), orderId));
            if (placed.isPresent()) return recoverPlaced(request, placed.get(), lastAttempt);
        }
        boolean closeOnly = request.trigger().closesPosition();
        TraderState state = load(userId, request.symbol(), snapshot, ParallelCalls.join(open));
        OrderPlan plan = request.trigger() == OrderTrigger.SCALE_OUT
                ? RiskPlanner.planScaleOut(request.positionId(), request.rung(), state)
                : closeOnly ? RiskPlanner.planClose(request.symbol(), state)
                : RiskPlanner.plan(request.signal(), state, killSwitch.engaged());
        if (plan.refused()) return refuse(request, plan.refusal(), redelivery, lastAttempt);
        if (closeOnly && !plan.closing().positionId().equals(request.positionId())) {
            return refuse(request, "position " + request.positionId() + " is not open", redelivery, lastAttempt);
        }
        if (plan.intent() == OrderIntent.OPEN) {
            // Protections stop new entries only: every close above went through whatever they say.
            Optional<String> stopped = protections.checkEntry(userId, request.symbol(), state, snapshot.protections(),
                    snapshot.protectionState());
            if (stopped.isPresent()) return refuse(request, "protection " + stopped.get(), redelivery, lastAttempt);
        }
        Destination destination = destination(plan, snapshot.mode(), state);
        if (destination.refusal() != null) return refuse(request, destination.refusal(), redelivery, lastAttempt);
        BigDecimal market = state.prices().get(request.symbol());
        PreparedTicket prepared = broker.prepare(ticket(request, plan, destination.venue()), market);
        // Below the venue's minimum: REFUSED like any rule, not FAILED: nothing was sent, a retry would be refused
        // again, and it is no broker error (it must not count towards pausing the bot).
        if (prepared.refused()) return refuse(request, prepared.refusal(), redelivery, lastAttempt);
        if (plan.intent() == OrderIntent.OPEN) {
            Optional<String> crossed = levelCrossedAtFill(prepared.ticket(), plan, market);
            if (crossed.isPresent()) return refuse(request, crossed.get(), redelivery, lastAttempt);
            Optional<String> throttled = throttle.acquire(userId);
            if (throttled.isPresent()) return refuse(request, "throttled: " + throttled.get(), redelivery, lastAttempt);
        }
        Long brokerErrors = state.profile().brokerErrors();
        return destination.venue() == null ? place(request, plan, prepared.ticket(), lastAttempt, brokerErrors)
                : submit(request, plan, prepared.ticket(), lastAttempt, brokerErrors);
    }

    /** Where an order goes: {@code venue} (null = the paper broker), or why it may go nowhere. */
    private record Destination(String venue, String refusal) {}

    /**
     * A close goes where its position was opened, whatever the mode is now (paper positions stay paper); a new
     * position goes to the mode in force as it is planned: the trader's live venue, if their plan still allows live
     * trading (a lapsed subscription falls back to a free, paper-only tier).
     */
    private static Destination destination(OrderPlan plan, TradingModeItem mode, TraderState state) {
        if (plan.closing() != null) return new Destination(plan.closing().venue(), null);
        if (mode == null || mode.mode() != TradingMode.LIVE) return new Destination(null, null);
        Optional<Venue> venue = Venue.parse(mode.venue());
        if (venue.isEmpty()) return new Destination(null, "live mode names no venue");
        if (!Boolean.TRUE.equals(state.tier().liveTrading())) {
            return new Destination(null, "your plan does not include live trading");
        }
        return new Destination(venue.get().wire(), null);
    }

    /**
     * A stop or target already crossed at the price the order would fill at would close the new position on the next
     * tick, at a loss: refused before any broker call.
     */
    private Optional<String> levelCrossedAtFill(OrderTicket ticket, OrderPlan plan, BigDecimal market) {
        if (plan.stopLoss() == null && plan.takeProfit() == null) return Optional.empty();
        BigDecimal fillPrice = broker.expectedFillPrice(ticket, market);
        if (fillPrice == null) return Optional.empty(); // no price at all: the broker refuses the order itself
        return LevelRules.crossedAtFill(plan.side().buys(), fillPrice, plan.stopLoss(), plan.takeProfit());
    }

    /**
     * A close of everything goes under its position's close id; a scale-out under its own (position + rung), so it
     * neither collides with the close nor with another rung.
     */
    private static OrderTicket ticket(OrderRequest request, OrderPlan plan, String venue) {
        boolean closesAll = plan.closing() != null && request.trigger() != OrderTrigger.SCALE_OUT;
        String orderId = closesAll ? OrderIds.close(plan.closing()) : request.orderId();
        return new OrderTicket(orderId, request.userId(), request.symbol(), plan.side(), plan.orderType(),
                plan.quantity(), plan.limitPrice(), venue);
    }

    private ExecutionResult place(OrderRequest request, OrderPlan plan, OrderTicket ticket, boolean lastAttempt,
                                  Long brokerErrors) {
        String orderId = ticket.clientOrderId();
        Fill fill;
        try {
            fill = broker.place(ticket);
        } catch (BrokerException e) {
            brokerFailed(request.userId(), e);
            if (e.kind() == BrokerException.Kind.REJECTED || lastAttempt) {
                return record(base(request, plan, OrderStatus.FAILED, "broker: " + e.getMessage()));
            }
            return ExecutionResult.retryLater("broker " + e.kind() + ": " + e.getMessage());
        }
        brokerHealth.succeeded(request.userId(), brokerErrors);
        String positionId = plan.intent() == OrderIntent.OPEN ? orderId : plan.closing().positionId();
        OrderItem order = withFill(base(request, orderId, plan, null, null), positionId, fill);
        if (!orders.create(order)) {
            // Another request's order (a close of the same position) or this one's from an earlier attempt.
            return ExecutionResult.duplicateOf(resume(orders.find(request.userId(), orderId).orElseThrow(), lastAttempt));
        }
        return applyFilled(order, plan.closing());
    }

    /**
     * A live order: recorded SUBMITTED with its venue before the venue is called — the conditional write is also a
     * close's claim — so a crash, a timeout or a concurrent twin finds it and asks the venue before anything is placed
     * again, always under the same client order id.
     */
    private ExecutionResult submit(OrderRequest request, OrderPlan plan, OrderTicket ticket, boolean lastAttempt,
                                   Long brokerErrors) {
        String orderId = ticket.clientOrderId();
        Venue venue = Venue.parse(ticket.venue()).orElseThrow();
        OrderItem submitted = base(request, orderId, plan, null, null).submittedTo(venue.wire(),
                ClientOrderIds.forVenue(venue, orderId), ticket.quantity(), ticket.limitPrice(), clock.instant());
        return live.submit(submitted, plan.closing(), lastAttempt, brokerErrors);
    }

    /** {@code cancel}: withdraws the trader's resting (unfilled limit) orders on the signal's symbol. */
    private ExecutionResult cancelResting(OrderRequest request) {
        String userId = request.userId();
        String why = "cancelled by signal " + request.requestId();
        for (OrderItem resting : orders.resting(userId, request.symbol())) {
            if (resting.live()) {
                live.cancel(resting, why);
                continue;
            }
            if (!broker.cancel(LiveOrders.refOf(resting))) continue;
            OrderItem cancelled = resting.withStatus(OrderStatus.CANCELLED, why);
            orders.update(cancelled);
            listeners.forEach(l -> l.recorded(cancelled));
        }
        cache.invalidate(userId);
        return ExecutionResult.done(null);
    }

    /**
     * A redelivered request whose order the broker has: record and apply it without re-deciding. Only opening orders
     * and scale-outs carry the request's id at the broker (a close of everything carries its position's): a scale-out
     * is the partial close of its position, anything else an open.
     */
    private ExecutionResult recoverPlaced(OrderRequest request, Fill fill, boolean lastAttempt) {
        LOG.info("order {} found at the broker on redelivery; completing it", request.orderId());
        PositionItem closing = request.trigger() == OrderTrigger.SCALE_OUT
                ? ledger.position(request.userId(), request.positionId()).orElseThrow() : null;
        OrderPlan plan = closing != null
                ? new OrderPlan(OrderIntent.CLOSE, OrderSide.of(!Side.LONG.name().equals(closing.side())),
                        fill.quantity(), null, OrderType.MARKET, null, null, null, closing, null)
                : new OrderPlan(OrderIntent.OPEN, request.requestedSide(), fill.quantity(), null, OrderType.MARKET,
                        null, null, null, null, null);
        OrderItem order = withFill(base(request, plan, null, null),
                closing != null ? closing.positionId() : request.orderId(), fill);
        if (!orders.create(order)) {
            return resume(orders.find(request.userId(), request.orderId()).orElseThrow(), lastAttempt);
        }
        return applyFilled(order, closing);
    }

    /**
     * The order exists: finish applying it if it filled (a crash may have stopped us half-way), or, if it was resting,
     * record its fill once the broker reports one. A live order still SUBMITTED is asked for at its venue.
     */
    private ExecutionResult resume(OrderItem order, boolean lastAttempt) {
        if (order.live() && order.status() == OrderStatus.SUBMITTED) return live.resumeSubmitted(order, lastAttempt);
        if (order.live() && order.status() == OrderStatus.RESTING) return live.followUp(order, lastAttempt);
        if (order.status() == OrderStatus.RESTING) {
            Optional<Fill> fill = lookupQuietly(LiveOrders.refOf(order)).filter(f -> f.status() == Fill.Status.FILLED);
            if (fill.isEmpty()) return ExecutionResult.done(order);
            OrderItem filled = withFill(order, order.positionId(), fill.get());
            orders.update(filled);
            return applyFilled(filled, null);
        }
        if (order.status() != OrderStatus.FILLED) return ExecutionResult.done(order);
        PositionItem position = order.intent() == OrderIntent.CLOSE
                ? ledger.position(order.userId(), order.positionId()).orElse(null) : null;
        return applyFilled(order, position);
    }

    private void brokerFailed(String userId, BrokerException e) {
        Telemetry.record(Metric.count("BrokerError", "kind", e.kind().name()));
        // Being told to slow down is no fault of the trader's broker: it must not pause their bot.
        if (e instanceof VenueRateLimitedException) return;
        if (brokerHealth.failed(userId)) {
            LOG.warn("bot paused after repeated broker errors");
            String reason = "paused after " + BrokerErrorTracker.PAUSE_AFTER + " broker errors in a row (last: "
                    + e.getMessage() + ")";
            listeners.forEach(l -> l.botPaused(userId, reason));
        }
    }

    private ExecutionResult applyFilled(OrderItem order, PositionItem closing) {
        if (order.status() == OrderStatus.RESTING) return ExecutionResult.done(order);
        if (order.intent() == OrderIntent.CLOSE && closing != null && !PositionStatus.OPEN.name().equals(closing.status())
                && !closedBy(closing, order)) {
            return ExecutionResult.done(order);
        }
        PositionLedger.Applied applied = ledger.apply(order, closing);
        cache.invalidate(order.userId());
        Telemetry.record(Metric.count("OrderFilled"));
        Telemetry.record(Metric.millis("SignalToOrder",
                Duration.between(order.createdAt(), order.filledAt()).toNanos() / 1e6));
        listeners.forEach(l -> l.filled(order, applied.position(), applied.realizedPnl()));
        return ExecutionResult.done(order);
    }

    /**
     * Records a refusal — unless this is a redelivery whose close already went through: that order carries its
     * position's id, not the request's, so the snapshot could not see it, and the plan now finds nothing to close.
     */
    private ExecutionResult refuse(OrderRequest request, String reason, boolean redelivery, boolean lastAttempt) {
        if (redelivery) {
            Optional<OrderItem> done = orders.findBySignal(request.userId(), request.requestId());
            if (done.isPresent()) return ExecutionResult.duplicateOf(resume(done.get(), lastAttempt));
        }
        return refuse(request, reason);
    }

    private ExecutionResult refuse(OrderRequest request, String reason) {
        Telemetry.record(Metric.count("OrderRefused"));
        OrderItem order = base(request, null, OrderStatus.REFUSED, reason);
        return record(order);
    }

    private ExecutionResult record(OrderItem order) {
        if (!orders.create(order)) {
            return ExecutionResult.duplicateOf(ExecutionResult.done(orders.find(order.userId(), order.orderId()).orElseThrow()));
        }
        cache.invalidate(order.userId());
        listeners.forEach(l -> l.recorded(order));
        return ExecutionResult.done(order);
    }

    private TraderState load(String userId, String symbol, TraderSnapshot snapshot, List<PositionItem> open) {
        ProfileItem profile = snapshot.profile() != null ? snapshot.profile() : profiles.get(userId);
        java.util.Set<String> symbols = new java.util.HashSet<>();
        open.forEach(p -> symbols.add(p.symbol()));
        symbols.add(symbol);
        Map<String, BigDecimal> latest = prices.latest(symbols);
        BigDecimal lifetime = snapshot.lifetime() == null ? null : snapshot.lifetime().realizedPnl();
        BigDecimal today = snapshot.today() == null ? null : snapshot.today().realizedPnl();
        // Billing's tier wins over the trial's and the profile's: a downgrade or a lapse applies at period end even before any
        // webhook updates the profile.
        Instant now = clock.instant();
        BillingStanding billing = BillingStanding.of(snapshot.billing(), now);
        String tier = BillingStanding.tierInForce(snapshot.billing(), profile, now);
        return new TraderState(profile,
                snapshot.settings() != null ? SettingsService.toSettings(snapshot.settings()) : settings.get(userId),
                tiers.limits(tier), open, lifetime == null ? BigDecimal.ZERO : lifetime,
                today == null ? BigDecimal.ZERO : today, latest, billing);
    }

    private OrderItem base(OrderRequest request, OrderPlan plan, OrderStatus status, String reason) {
        return base(request, request.orderId(), plan, status, reason);
    }

    private OrderItem base(OrderRequest request, String orderId, OrderPlan plan, OrderStatus status, String reason) {
        Instant now = clock.instant();
        // Only an opening order carries the plan onto the position it opens.
        ExitPlan exits = plan != null && plan.intent() == OrderIntent.OPEN && request.signal() != null
                ? request.signal().exits() : null;
        return new OrderItem(Keys.user(request.userId()), Keys.order(orderId), orderId,
                request.userId(), request.requestId(), request.source(), request.strategy(), request.symbol(),
                plan == null ? request.requestedSide() : plan.side(), plan == null ? null : plan.intent(),
                plan != null && plan.closing() != null ? plan.closing().positionId() : request.positionId(),
                plan == null ? request.orderType() : plan.orderType(),
                plan == null ? request.limitPrice() : plan.limitPrice(),
                plan == null ? null : plan.quantity(), plan == null ? null : plan.notional(),
                plan == null ? null : plan.stopLoss(), plan == null ? null : plan.takeProfit(), status, reason,
                null, null, null, request.requestedAt() != null ? request.requestedAt() : now,
                now.plus(ORDER_RETENTION).getEpochSecond(), null, null, null, null, null, null, null, null, null,
                request.rung(), exits == null ? null : exits.write(),
                request.signal() == null ? null : request.signal().explanation());
    }

    private static OrderItem withFill(OrderItem o, String positionId, Fill fill) {
        return o.withExecution(fill.status() == Fill.Status.RESTING ? OrderStatus.RESTING : OrderStatus.FILLED,
                positionId, fill.quantity(), fill.price(), fill.fee(), fill.at());
    }

    private Optional<Fill> lookupQuietly(OrderRef order) {
        try {
            return broker.lookup(order);
        } catch (BrokerException e) {
            throw new IllegalStateException("cannot tell whether order " + order.orderId() + " was placed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether this order closed the (closed) position. Only the position's close id can close it; positions closed
     * before close ids existed remember their closing order, which is read only for them.
     */
    private boolean closedBy(PositionItem p, OrderItem order) {
        if (order.orderId().equals(OrderIds.close(p))) return true;
        return order.orderId().equals(ledger.closedByOrder(p.userId(), p.positionId()));
    }
}
