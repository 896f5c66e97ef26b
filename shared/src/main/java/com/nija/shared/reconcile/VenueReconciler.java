package com.nija.shared.reconcile;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.crypto.EnvelopeOpenException;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import com.nija.shared.venues.VenueClients;
import com.nija.shared.venues.VenueCredentials;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation with the venues: for every trader in live mode (listed through the live-mode index, a page at a
 * time), each venue they hold open live positions at — and the venue they trade live on — is asked for its balances
 * and open orders, and what the positions hold is compared with them ({@link DriftCheck}). A drift is pushed to the
 * trader, logged and counted ({@code PositionDrift}, which an alarm watches); nothing is ever traded.
 *
 * <p>A venue that does not answer is counted ({@code ReconcileVenueUnreachable}) and reports no drift: silence is not
 * evidence. Traders are reconciled side by side, a page at a time; when the function's time runs short the rest are
 * left to the next run and counted ({@code ReconcileDeferred}).
 */
@Singleton
public class VenueReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(VenueReconciler.class);
    /** Stop starting traders with this much of the function's time left: a venue call takes up to seconds. */
    static final long RESERVE_MILLIS = 30_000;

    private final BrokerLinkRepository links;
    private final LivePositionBook positions;
    private final VenueClients clients;
    private final Instruments instruments;
    private final List<DriftListener> listeners;
    private final Clock clock;
    private final int pageSize;
    private final int parallelism;
    private final BigDecimal tolerance;

    public VenueReconciler(BrokerLinkRepository links, LivePositionBook positions, VenueClients clients,
                           Instruments instruments, List<DriftListener> listeners, Clock clock,
                           @Value("${nija.reconcile.page-size:100}") int pageSize,
                           @Value("${nija.reconcile.parallelism:8}") int parallelism,
                           @Value("${nija.reconcile.tolerance:0.005}") BigDecimal tolerance) {
        this.links = links;
        this.positions = positions;
        this.clients = clients;
        this.instruments = instruments;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.pageSize = pageSize;
        this.parallelism = parallelism;
        this.tolerance = tolerance;
    }

    /**
     * Reconciles every live trader.
     *
     * @param remainingMillis the function's time left (Lambda's context), checked before each page
     * @param metricsService  the service name each trader's metrics are published under (they run on other threads)
     */
    public ReconcileReport run(LongSupplier remainingMillis, String metricsService) {
        ReconcileReport.Tally tally = new ReconcileReport.Tally();
        // Made per run, not at init: no threads in the SnapStart snapshot, and none idle between runs.
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "reconcile");
            t.setDaemon(true);
            return t;
        });
        try {
            links.livePages(pageSize).forEach(page -> {
                if (remainingMillis.getAsLong() < RESERVE_MILLIS) {
                    tally.deferred.addAndGet(page.size());
                    return;
                }
                List<Future<?>> running = new ArrayList<>();
                for (TradingModeItem trader : page) {
                    running.add(pool.submit(() -> scoped(metricsService, () -> reconcile(trader, tally))));
                }
                running.forEach(VenueReconciler::await);
            });
        } finally {
            pool.shutdown();
        }
        ReconcileReport report = tally.report();
        if (report.tradersDeferred() > 0) {
            LOG.warn("reconciliation ran out of time: {} live traders left for the next run", report.tradersDeferred());
        }
        return report;
    }

    private void reconcile(TradingModeItem trader, ReconcileReport.Tally tally) {
        tally.traders.incrementAndGet();
        String userId = trader.userId();
        try {
            Map<Venue, List<LiveHolding>> byVenue = new LinkedHashMap<>();
            for (LiveHolding h : positions.openLive(userId)) {
                Venue.parse(h.venue()).ifPresent(v -> byVenue.computeIfAbsent(v, k -> new ArrayList<>()).add(h));
            }
            Set<Venue> venues = new LinkedHashSet<>(byVenue.keySet());
            Venue.parse(trader.venue()).ifPresent(venues::add);
            for (Venue venue : venues) reconcile(userId, venue, byVenue.getOrDefault(venue, List.of()), tally);
        } catch (RuntimeException e) {
            tally.failures.incrementAndGet();
            Telemetry.count("ReconcileFailed");
            LOG.error("reconciliation of trader {} failed", userId, e);
        }
    }

    private void reconcile(String userId, Venue venue, List<LiveHolding> holdings, ReconcileReport.Tally tally) {
        Optional<VenueCredentials> key;
        try {
            key = links.credentials(userId, venue);
        } catch (EnvelopeOpenException e) {
            key = Optional.empty();
        }
        if (key.isEmpty()) {
            tally.missingKeys.incrementAndGet();
            Telemetry.count("ReconcileMissingKey");
            LOG.warn("trader {} holds {} live position(s) at {} but no usable key there: not reconciled", userId,
                    holdings.size(), venue.wire());
            return;
        }
        VenueAccount account;
        try {
            account = clients.client(venue).account(key.get());
        } catch (BrokerException unreachable) {
            tally.unreachable.incrementAndGet();
            Telemetry.count("ReconcileVenueUnreachable");
            LOG.warn("{} did not answer for trader {}: {}; no drift reported", venue.wire(), userId,
                    unreachable.getMessage());
            return;
        }
        tally.venuesChecked.incrementAndGet();
        for (PositionDrift drift : DriftCheck.compare(venue, holdings, account, instruments, tolerance, clock.instant())) {
            tally.drifts.incrementAndGet();
            Telemetry.count("PositionDrift");
            LOG.warn("drift: trader {} at {} holds {} {} but their open live positions {} hold {}", userId,
                    venue.wire(), drift.held().toPlainString(), drift.asset(), drift.positionIds(),
                    drift.expected().toPlainString());
            listeners.forEach(l -> l.positionDrift(userId, drift));
        }
    }

    /** Runs one trader's work in a metrics scope of its own (the thread is not the handler's). */
    private static void scoped(String service, Runnable work) {
        Telemetry.begin();
        try {
            work.run();
        } finally {
            Telemetry.end(service);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reconciling", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a reconciliation task failed", e.getCause());
        }
    }
}
