package com.nija.shared.brokers;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.crypto.EnvelopeOpenException;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.NotFoundException;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClients;
import com.nija.shared.venues.VenueCredentials;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trader's venue keys: connect (validated, sealed, within the plan's broker count), list, test against the venue,
 * remove. A key live trading uses can be neither replaced nor removed until the trader switches to paper.
 *
 * <p>Logs name the trader, the venue and the key's hint, never a credential: the credentials exist in plain only
 * inside {@link #connect} (to seal them) and {@link #test} (to call the venue).
 */
@Singleton
public class BrokerConnections {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnections.class);
    /** Conditional writes that lost a race are retried this often before the caller is told to retry. */
    static final int ATTEMPTS = 3;
    static final String VENUE_NAMES = String.join(", ", Arrays.stream(Venue.values()).map(Venue::wire).toList());

    private final BrokerLinkRepository links;
    private final LiveKeyMarks marks;
    private final VenueClients clients;
    private final TierInForce tiers;
    private final TierCatalog catalog;
    private final Clock clock;

    public BrokerConnections(BrokerLinkRepository links, LiveKeyMarks marks, VenueClients clients, TierInForce tiers,
                             TierCatalog catalog, Clock clock) {
        this.links = links;
        this.marks = marks;
        this.clients = clients;
        this.tiers = tiers;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The venue a path names; 404 for any other name. */
    public static Venue venue(String wire) {
        return Venue.parse(wire).orElseThrow(() -> new NotFoundException("no venue " + InputLimits.echo(wire)
                + ": NIJA connects " + VENUE_NAMES));
    }

    /**
     * Connects {@code userId}'s key at the venue {@code venueWire} names, or replaces the key connected there (its
     * test starts over).
     *
     * @throws NotFoundException            404 an unknown venue
     * @throws com.nija.shared.problem.InvalidInputException 400/422 a body that is not the venue's key
     * @throws BrokerLimitReachedException  409 a new venue beyond the plan's broker count
     * @throws BrokerInUseException         409 the key live trading uses
     */
    public ConnectionView connect(String userId, String venueWire, JsonNode body) {
        Venue venue = venue(venueWire);
        VenueCredentials credentials = BrokerKeyParser.parse(venue, body);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<BrokerLinkItem> current = links.find(userId, venue);
            if (current.isPresent() && marks.inUse(userId, current.get())) throw new BrokerInUseException(venue.wire(), "replace");
            if (current.isEmpty()) requireRoomFor(userId, venue);
            BrokerLinkItem item = links.sealed(userId, credentials, clock.instant(),
                    current.map(BrokerLinkItem::version).orElse(null));
            if (!links.replaceIfUnchanged(item)) continue;
            if (current.isEmpty() && overLimit(userId)) {
                // Two venues connected at the same moment both saw room for one: the later write gives way.
                links.find(userId, venue).ifPresent(links::deleteIfNotLive);
                requireRoomFor(userId, venue);
            }
            LOG.info("trader {} connected their {} key {}{}", userId, venue.wire(), item.keyHint(),
                    current.isPresent() ? " (replacing the previous key)" : "");
            return ConnectionView.of(item, links.mode(userId));
        }
        throw changedMeanwhile(venue);
    }

    /** The trader's connections, by venue. */
    public List<ConnectionView> list(String userId) {
        TradingModeItem mode = links.mode(userId);
        return links.list(userId).stream().map(link -> ConnectionView.of(link, mode)).toList();
    }

    /**
     * Removes the trader's key at the venue.
     *
     * @throws NotFoundException    404 an unknown venue, or none connected there
     * @throws BrokerInUseException 409 the key live trading uses
     */
    public void disconnect(String userId, String venueWire) {
        Venue venue = venue(venueWire);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BrokerLinkItem link = links.find(userId, venue).orElseThrow(() -> notConnected(venue));
            if (marks.inUse(userId, link)) throw new BrokerInUseException(venue.wire(), "remove");
            if (links.deleteIfNotLive(link)) {
                LOG.info("trader {} removed their {} key {}", userId, venue.wire(), link.keyHint());
                return;
            }
        }
        throw changedMeanwhile(venue);
    }

    /**
     * Tests the trader's key with an authenticated read-only call to the venue and records the outcome: a key that
     * cannot trade (or cannot be checked: the venue did not answer) fails; one that can withdraw passes with a
     * warning.
     *
     * @throws NotFoundException 404 an unknown venue, or none connected there
     * @throws ConflictException 409 the key was replaced or removed during the test, or the stored key does not open
     */
    public KeyCheck test(String userId, String venueWire) {
        Venue venue = venue(venueWire);
        BrokerLinkItem link = links.find(userId, venue).orElseThrow(() -> notConnected(venue));
        VenueCredentials credentials;
        try {
            credentials = links.open(link);
        } catch (EnvelopeOpenException e) {
            LOG.error("the stored {} key of trader {} does not open: {}", venue.wire(), userId, e.getMessage());
            throw new ConflictException("your stored " + venue.wire() + " key cannot be read any more: connect it "
                    + "again (PUT /api/v1/brokers/" + venue.wire() + ")");
        }
        KeyCheck check = check(venue, credentials);
        Instant at = clock.instant();
        if (!links.recordTest(link, at, check.ok(), check.permissions(), check.problems())) {
            throw new ConflictException("your " + venue.wire() + " key was replaced or removed while it was being "
                    + "tested: test it again");
        }
        LOG.info("trader {} tested their {} key {}: {}", userId, venue.wire(), link.keyHint(),
                check.ok() ? "passed" : "failed " + check.problems());
        return check;
    }

    private KeyCheck check(Venue venue, VenueCredentials credentials) {
        try {
            return clients.client(venue).check(credentials);
        } catch (BrokerException unreachable) {
            // Not the key's fault, but nothing was verified: it does not count as a passing test.
            return KeyCheck.of(List.of(), List.of("could not check the key with " + venue.wire() + ": "
                    + unreachable.getMessage() + "; test again in a minute"), List.of());
        }
    }

    private void requireRoomFor(String userId, Venue venue) {
        String tier = tiers.tier(userId);
        Integer max = catalog.limits(tier).maxBrokers();
        if (max == null || max < 0) return;
        List<String> connected = links.list(userId).stream().map(BrokerLinkItem::venue)
                .filter(v -> !v.equals(venue.wire())).toList();
        if (connected.size() >= max) throw new BrokerLimitReachedException(tier, max, connected);
    }

    private boolean overLimit(String userId) {
        Integer max = catalog.limits(tiers.tier(userId)).maxBrokers();
        return max != null && max >= 0 && links.list(userId).size() > max;
    }

    static NotFoundException notConnected(Venue venue) {
        return new NotFoundException("no " + venue.wire() + " key is connected: connect one with PUT /api/v1/brokers/"
                + venue.wire());
    }

    private static ConflictException changedMeanwhile(Venue venue) {
        return new ConflictException("your " + venue.wire() + " connection changed at the same moment: retry");
    }
}
