package com.nija.shared.data;

import java.time.Instant;
import java.util.List;

/**
 * A registered sender of signals or prices: its shared secret (the HMAC key) and which strategies it may send for.
 * {@code kind}: SIGNALS or PRICES.
 *
 * <p>The secret is stored sealed ({@code sealedSecret}, envelope encryption bound to the source id and kind); after a
 * rotation the previous one stays in {@code previousSealedSecret} until {@code previousSecretUntil}. {@code secret}
 * is the plain text that items written before sealing still hold: it keeps verifying, and the next rotation (or
 * re-registration) replaces it with a sealed one. {@code gsi2pk = SOURCES} lists every source without a scan.
 * {@code rateLimitPerMinute} is how many requests intake or price ingest take from it a minute; null means the
 * platform's default ({@code nija.sources.rate-limit-per-minute}).
 */
public record SourceItem(String pk, String sk, String sourceId, String kind, String secret, List<String> strategies,
                         Instant createdAt, String sealedSecret, String previousSealedSecret,
                         Instant previousSecretUntil, Instant rotatedAt, Instant disabledAt, String gsi2pk,
                         String gsi2sk, Long version, Integer rateLimitPerMinute) {

    public boolean enabled() {
        return disabledAt == null;
    }

    public SourceItem withDisabledAt(Instant at) {
        return new SourceItem(pk, sk, sourceId, kind, secret, strategies, createdAt, sealedSecret,
                previousSealedSecret, previousSecretUntil, rotatedAt, at, gsi2pk, gsi2sk, version,
                rateLimitPerMinute);
    }

    /** The item as listed under {@code gsi2pk} (items written before the listing existed are not). */
    public SourceItem withListing(String listing, String listingSortKey) {
        return new SourceItem(pk, sk, sourceId, kind, secret, strategies, createdAt, sealedSecret,
                previousSealedSecret, previousSecretUntil, rotatedAt, disabledAt, listing, listingSortKey, version,
                rateLimitPerMinute);
    }

    /** Sealed {@code current} replaces the secret; {@code previous} (sealed) stays valid until {@code until}. */
    public SourceItem withRotatedSecret(String current, String previous, Instant until, Instant at) {
        return new SourceItem(pk, sk, sourceId, kind, null, strategies, createdAt, current, previous, until, at,
                disabledAt, gsi2pk, gsi2sk, version, rateLimitPerMinute);
    }
}
