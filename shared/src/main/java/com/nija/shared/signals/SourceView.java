package com.nija.shared.signals;

import com.nija.shared.data.SourceItem;
import java.time.Instant;
import java.util.List;

/**
 * A source as an admin sees it: never a secret, sealed or not, and no table keys.
 *
 * @param previousSecretValidUntil after a rotation, when the previous secret stops verifying; null when only the
 *                                 current one does
 * @param rateLimitPerMinute       the requests a minute it may send: its own limit, else the platform's default
 */
public record SourceView(String id, String kind, List<String> strategies, boolean enabled, Instant createdAt,
                         Instant rotatedAt, Instant previousSecretValidUntil, Instant disabledAt,
                         int rateLimitPerMinute) {

    static SourceView of(SourceItem item, Instant now, SourceRateLimits limits) {
        Instant until = item.previousSecretUntil();
        return new SourceView(item.sourceId(), item.kind(), item.strategies() == null ? List.of() : item.strategies(),
                item.enabled(), item.createdAt(), item.rotatedAt(), until != null && now.isBefore(until) ? until : null,
                item.disabledAt(), limits.perMinute(item.rateLimitPerMinute()));
    }
}
