package com.nija.shared.livebroker;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.instruments.Instrument;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.testing.HandMovedClock;
import com.nija.shared.testing.ScriptedExchange;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClients;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Venue rules: asked of the venue once per time limit, and the instrument list's copy while the venue is away. */
class VenueRulesCacheTest {
    private final HandMovedClock clock = new HandMovedClock(Instant.parse("2031-06-16T12:00:00Z"));
    private final ScriptedExchange kraken = new ScriptedExchange(Venue.KRAKEN, clock);
    private final VenueRulesConfig config = new VenueRulesConfig();
    private final VenueRulesCache cache = new VenueRulesCache(new VenueClients(List.of(kraken)), config, clock);
    private final Instrument.VenueMarket listed = new Instruments().find("BTC-USD").orElseThrow().on("kraken")
            .orElseThrow();
    private final VenueRules published = new VenueRules("XBTUSD", new BigDecimal("0.0001"),
            new BigDecimal("0.00000001"), new BigDecimal("0.1"), new BigDecimal("0.5"));

    @Test
    @DisplayName("the venue's rules are asked once and kept until the time limit passes on the injected clock")
    void keptUntilTheTimeLimit() {
        kraken.rules(published);

        VenueRules first = cache.rules(Venue.KRAKEN, listed);
        clock.advance(config.getTtl().minusSeconds(1));
        cache.rules(Venue.KRAKEN, listed);
        int callsWithinLimit = kraken.rulesCalls();
        clock.advance(Duration.ofSeconds(2));
        cache.rules(Venue.KRAKEN, listed);

        assertThat(first).isEqualTo(published);
        assertThat(callsWithinLimit).isEqualTo(1);
        assertThat(kraken.rulesCalls()).isEqualTo(2);
    }

    @Test
    @DisplayName("when the venue cannot be reached the instrument list's rules stand in, and the venue is asked again later")
    void fallsBackToTheInstrumentList() {
        kraken.rules(published).rulesUnreachable(true);

        VenueRules fallback = cache.rules(Venue.KRAKEN, listed);
        cache.rules(Venue.KRAKEN, listed);
        int callsWhileFallingBack = kraken.rulesCalls();
        kraken.rulesUnreachable(false);
        clock.advance(config.getFallbackTtl().plusSeconds(1));
        VenueRules after = cache.rules(Venue.KRAKEN, listed);

        assertThat(fallback).isEqualTo(new VenueRules("XBTUSD", new BigDecimal("0.00005"),
                new BigDecimal("0.00000001"), new BigDecimal("0.1"), new BigDecimal("0.5")));
        assertThat(callsWhileFallingBack).as("asked again only after the fallback's time limit").isEqualTo(1);
        assertThat(after).isEqualTo(published);
    }
}
