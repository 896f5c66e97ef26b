package com.nija.shared.livebroker;

import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.util.Optional;

/** A trader's key at a venue, opened from its sealed form for the one call that needs it; never kept. */
@FunctionalInterface
public interface TraderKeys {
    /** Empty when the trader has no key connected at {@code venue}. */
    Optional<VenueCredentials> open(String userId, Venue venue);
}
