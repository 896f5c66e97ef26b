package com.nija.shared.brokers;

import com.nija.shared.venues.Venue;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether live trading uses a trader's key. A switch to live marks the key before it writes the mode, and a delete or
 * a reconnect is conditional on no mark, so neither can slip in between. The trader's mode says whether the key is
 * used; a mark without the mode is either a switch still under way or one that died half-way (its function stopped):
 * the first counts as in use, the second is cleared once it is older than any function runs.
 */
@Singleton
public class LiveKeyMarks {
    /** Longer than the HTTP functions' 10 s hard stop: a switch that marked a key this long ago has died. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

    private final BrokerLinkRepository links;
    private final Clock clock;

    public LiveKeyMarks(BrokerLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /**
     * True when live trading uses {@code link} (or a switch to live on it is under way). An abandoned mark is
     * cleared; the caller's next write conditional on {@code link}'s version then fails, and it reads again.
     */
    public boolean inUse(String userId, BrokerLinkItem link) {
        if (links.mode(userId).liveOn(link.venue())) return true;
        if (link.liveSince() == null) return false;
        if (link.liveSince().plus(ABANDONED_AFTER).isAfter(clock.instant())) return true;
        links.clearLive(link);
        return false;
    }

    /** Clears the mark on the trader's key at {@code venueWire} unless live trading uses it again. */
    public void release(String userId, Venue venue) {
        for (int attempt = 0; attempt < BrokerConnections.ATTEMPTS; attempt++) {
            Optional<BrokerLinkItem> link = links.find(userId, venue);
            if (link.isEmpty() || link.get().liveSince() == null || links.mode(userId).liveOn(venue.wire())) return;
            if (links.clearLive(link.get())) return;
        }
    }
}
