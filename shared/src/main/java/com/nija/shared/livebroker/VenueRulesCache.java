package com.nija.shared.livebroker;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.instruments.Instrument;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClients;
import com.nija.shared.venues.VenueRules;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each market's order rules at each venue, from the venue's public product endpoint, kept per process for
 * {@link VenueRulesConfig#getTtl()} by the injected clock. When the venue cannot be reached the instrument list's copy
 * of its rules stands in (for {@link VenueRulesConfig#getFallbackTtl()}, so the venue is asked again soon): an order is
 * then sized by the rules as last published with the platform, and the venue's own check still has the last word.
 */
@Singleton
public class VenueRulesCache {
    private static final Logger LOG = LoggerFactory.getLogger(VenueRulesCache.class);

    private record Entry(VenueRules rules, Instant until) {}

    private final VenueClients clients;
    private final VenueRulesConfig config;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public VenueRulesCache(VenueClients clients, VenueRulesConfig config, Clock clock) {
        this.clients = clients;
        this.config = config;
        this.clock = clock;
    }

    /** {@code market}'s rules at {@code venue} ({@code market} is the instrument list's entry for that venue). */
    public VenueRules rules(Venue venue, Instrument.VenueMarket market) {
        String key = venue.wire() + " " + market.symbol();
        Instant now = clock.instant();
        Entry cached = entries.get(key);
        if (cached != null && now.isBefore(cached.until())) return cached.rules();
        Entry fresh;
        try {
            fresh = new Entry(clients.client(venue).rules(market.symbol()), now.plus(config.getTtl()));
        } catch (BrokerException unreachable) {
            LOG.warn("{} rules for {} unavailable ({}); using the instrument list's", venue.wire(), market.symbol(),
                    unreachable.getMessage());
            Telemetry.record(Metric.count("VenueRulesFallback", "venue", venue.wire()));
            fresh = new Entry(new VenueRules(market.symbol(), market.minSize(), market.sizeStep(), market.tick(),
                    market.minNotional()), now.plus(config.getFallbackTtl()));
        }
        entries.put(key, fresh);
        return fresh.rules();
    }
}
