package com.nija.shared.protections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A protection that fired: what ({@code kind}), on which symbol (the stoploss guard only), when, and what the trader
 * reads ({@code detail}); {@code until}: when a cooldown ends (the stoploss guard only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProtectionTrip(ProtectionKind kind, String symbol, Instant at, Instant until, String detail) {}
