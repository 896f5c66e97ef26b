package com.nija.shared.livebroker;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How long a venue's order rules are trusted ({@code nija.venue-rules.ttl}, 1 hour: venues change steps and minimums
 * rarely and announce it), and how long the instrument list's copy stands in after the venue could not be reached
 * ({@code nija.venue-rules.fallback-ttl}, 5 minutes, then the venue is asked again).
 */
@ConfigurationProperties("nija.venue-rules")
public class VenueRulesConfig {
    private Duration ttl = Duration.ofHours(1);
    private Duration fallbackTtl = Duration.ofMinutes(5);

    public Duration getTtl() { return ttl; }
    public void setTtl(Duration ttl) { this.ttl = ttl; }
    public Duration getFallbackTtl() { return fallbackTtl; }
    public void setFallbackTtl(Duration fallbackTtl) { this.fallbackTtl = fallbackTtl; }
}
