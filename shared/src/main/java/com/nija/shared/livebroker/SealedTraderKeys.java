package com.nija.shared.livebroker;

import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Traders' keys as stored: sealed on their broker connection, opened (KMS data key + AES-GCM) on each call. */
@Singleton
public class SealedTraderKeys implements TraderKeys {
    private final BrokerLinkRepository links;

    public SealedTraderKeys(BrokerLinkRepository links) {
        this.links = links;
    }

    @Override
    public Optional<VenueCredentials> open(String userId, Venue venue) {
        return links.credentials(userId, venue);
    }
}
