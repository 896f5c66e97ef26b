package com.nija.shared.venues;

import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The venue clients the context has, one per {@link Venue}. */
@Singleton
public class VenueClients {
    private final Map<Venue, VenueClient> clients = new EnumMap<>(Venue.class);

    public VenueClients(List<VenueClient> clients) {
        for (VenueClient c : clients) {
            if (this.clients.put(c.venue(), c) != null) throw new IllegalStateException("two clients for " + c.venue());
        }
    }

    public VenueClient client(Venue venue) {
        VenueClient client = clients.get(venue);
        if (client == null) throw new IllegalStateException("no client for " + venue.wire());
        return client;
    }
}
