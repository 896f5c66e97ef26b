package com.nija.shared.data;

import java.time.Instant;

/**
 * A received signal, keyed by its id: the conditional put that records it is what makes intake idempotent.
 * {@code payload} is the normalized signal as JSON; {@code response} what the first delivery was told.
 */
public record SignalItem(String pk, String sk, String signalId, String source, String strategy, String symbol,
                         String action, String payload, String response, Instant receivedAt, Long expiresAt) {}
