package com.nija.shared.data;

import java.time.Instant;
import java.util.List;

/**
 * A registered sender of signals or prices: its shared secret (HMAC key; in AWS the item holds a Secrets
 * Manager reference instead, see the CDK app) and which strategies it may send for. {@code kind}: SIGNALS or PRICES.
 */
public record SourceItem(String pk, String sk, String sourceId, String kind, String secret, List<String> strategies,
                         Instant createdAt) {}
