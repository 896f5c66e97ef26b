package com.nija.shared.brokers;

import com.nija.shared.account.TierCatalog;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.venues.Venue;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.nija.shared.notifications.NotificationEvent;
import com.nija.shared.notifications.NotificationEventType;
import com.nija.shared.notifications.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trader's consent to live trading. Live needs, all at once: a plan that trades live, the venue connected, its
 * key's last test passed, and every {@link LiveTradingPrerequisite} (current terms accepted, graduation from paper);
 * the trader acknowledges the risk in the request. Paper is always allowed. Orders already
 * placed keep their venue: the mode decides where new orders go.
 */
@Singleton
public class TradingModes {
    private static final Logger LOG = LoggerFactory.getLogger(TradingModes.class);

    private final BrokerLinkRepository links;
    private final LiveKeyMarks marks;
    private final TierInForce tiers;
    private final TierCatalog catalog;
    private final UserCache cache;
    private final Clock clock;
    private final List<LiveTradingPrerequisite> prerequisites;
    private final Notifications notifications;

    public TradingModes(BrokerLinkRepository links, LiveKeyMarks marks, TierInForce tiers, TierCatalog catalog,
                        UserCache cache, Clock clock, List<LiveTradingPrerequisite> prerequisites,
                        Notifications notifications) {
        this.prerequisites = List.copyOf(prerequisites);
        this.notifications = notifications;
        this.links = links;
        this.marks = marks;
        this.tiers = tiers;
        this.catalog = catalog;
        this.cache = cache;
        this.clock = clock;
    }

    public TradingModeView mode(String userId) {
        return TradingModeView.of(links.mode(userId));
    }

    /**
     * Switches the trader to {@code request}'s mode.
     *
     * @throws InvalidInputException       422 a mode other than live or paper; for live, no known venue or no
     *                                     acknowledgement of the risk
     * @throws LiveTradingRefusedException 409 live, with everything still missing (plan, connection, passing test)
     * @throws ConflictException           409 the key or the mode changed at the same moment
     */
    public TradingModeView switchTo(String userId, ModeRequest request) {
        return switch (validate(request)) {
            case PAPER -> toPaper(userId);
            case LIVE -> toLive(userId, Venue.parse(request.venue()).orElseThrow());
        };
    }

    private TradingModeView toLive(String userId, Venue venue) {
        Optional<BrokerLinkItem> link = links.find(userId, venue);
        List<String> missing = missingForLive(userId, venue, link);
        if (!missing.isEmpty()) throw new LiveTradingRefusedException(venue.wire(), missing);
        TradingModeItem current = links.mode(userId);
        if (current.liveOn(venue.wire())) return TradingModeView.of(current);
        Instant now = clock.instant();
        // The mark first: from here no delete or reconnect of this key can succeed, and the mark is conditional on the
        // key being the one whose passing test was just read.
        if (!links.markLive(link.get(), now)) {
            throw new ConflictException("your " + venue.wire() + " key changed while switching to live: check it "
                    + "(GET /api/v1/brokers) and switch again");
        }
        TradingModeItem live = new TradingModeItem(Keys.user(userId), Keys.TRADING_MODE, userId, TradingMode.LIVE,
                venue.wire(), now, now, current.version());
        if (!links.setModeIfUnchanged(live)) {
            marks.release(userId, venue);
            throw new ConflictException("your trading mode changed at the same moment: check it "
                    + "(GET /api/v1/trading/mode) and switch again");
        }
        if (current.live()) Venue.parse(current.venue()).ifPresent(previous -> marks.release(userId, previous));
        cache.invalidate(userId);
        LOG.info("trader {} switched to live trading on {} (risk acknowledged)", userId, venue.wire());
        announce(userId, live, "You now trade live on " + venue.wire() + ": orders use real money");
        return TradingModeView.of(live);
    }

    private TradingModeView toPaper(String userId) {
        for (int attempt = 0; attempt < BrokerConnections.ATTEMPTS; attempt++) {
            TradingModeItem current = links.mode(userId);
            if (!current.live()) return TradingModeView.of(current);
            TradingModeItem paper = new TradingModeItem(Keys.user(userId), Keys.TRADING_MODE, userId,
                    TradingMode.PAPER, null, null, clock.instant(), current.version());
            if (!links.setModeIfUnchanged(paper)) continue;
            Venue.parse(current.venue()).ifPresent(previous -> marks.release(userId, previous));
            cache.invalidate(userId);
            LOG.info("trader {} switched to paper trading (was live on {})", userId, current.venue());
            announce(userId, paper, "You now trade on paper (you were live on " + current.venue() + ")");
            return TradingModeView.of(paper);
        }
        throw new ConflictException("your trading mode changed at the same moment: switch again");
    }

    /** The mode change as a notification; its id is the change's time, so a retried request announces it once. */
    private void announce(String userId, TradingModeItem now, String summary) {
        notifications.publish(userId, new NotificationEvent("live-mode:" + now.changedAt().toEpochMilli(),
                NotificationEventType.LIVE_MODE, now.changedAt(), summary,
                NotificationEvent.facts("mode", now.mode().name().toLowerCase(), "venue", now.venue())));
    }

    /** What the trader still needs before live trading on {@code venue}, each in one sentence; empty when nothing. */
    private List<String> missingForLive(String userId, Venue venue, Optional<BrokerLinkItem> link) {
        List<String> missing = new ArrayList<>();
        String tier = tiers.tier(userId);
        if (!Boolean.TRUE.equals(catalog.limits(tier).liveTrading())) {
            missing.add("a plan that trades live: the " + tier + " plan trades on paper only, upgrade it first");
        }
        String w = venue.wire();
        if (link.isEmpty()) {
            missing.add("a connected " + w + " key: connect one with PUT /api/v1/brokers/" + w);
        } else if (link.get().lastTestOk() == null) {
            missing.add("a passing test of your " + w + " key: it was never tested, test it with POST /api/v1/brokers/"
                    + w + "/test");
        } else if (!link.get().verified()) {
            missing.add("a passing test of your " + w + " key: the last test failed (" + String.join("; ",
                    link.get().lastTestProblems() == null ? List.of() : link.get().lastTestProblems())
                    + "); fix the key and test it again with POST /api/v1/brokers/" + w + "/test");
        }
        prerequisites.forEach(p -> p.missing(userId).ifPresent(missing::add));
        return missing;
    }

    private static TradingMode validate(ModeRequest request) {
        List<Violation> violations = new ArrayList<>();
        TradingMode mode = null;
        if (request.mode() == null || request.mode().isBlank()) {
            violations.add(new Violation("mode", "is required: live or paper"));
        } else if (request.mode().equalsIgnoreCase("live")) {
            mode = TradingMode.LIVE;
        } else if (request.mode().equalsIgnoreCase("paper")) {
            mode = TradingMode.PAPER;
        } else {
            violations.add(new Violation("mode", "must be live or paper, not " + InputLimits.echo(request.mode())));
        }
        if (mode == TradingMode.LIVE) {
            if (request.venue() == null || request.venue().isBlank()) {
                violations.add(new Violation("venue", "is required for live trading: the venue new orders go to, one of "
                        + BrokerConnections.VENUE_NAMES));
            } else if (Venue.parse(request.venue()).isEmpty()) {
                violations.add(new Violation("venue", "must be one of " + BrokerConnections.VENUE_NAMES + ", not "
                        + InputLimits.echo(request.venue())));
            }
            if (!Boolean.TRUE.equals(request.acknowledgeRisk())) {
                violations.add(new Violation("acknowledgeRisk", "must be true: live trading places real orders with "
                        + "your money at the venue, and you can lose it"));
            }
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations, true);
        return mode;
    }
}
