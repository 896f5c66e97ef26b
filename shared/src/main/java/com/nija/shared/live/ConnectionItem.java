package com.nija.shared.live;

import java.time.Instant;
import java.util.Set;

/**
 * An open WebSocket connection of a trader ({@code pk = USER#<id>}, {@code sk = CONN#<connection id>}).
 * {@code subscriptions} is a string set changed with atomic {@code ADD}/{@code DELETE}; {@code seq} is the
 * DynamoDB fallback for the per-connection sequence number when Redis is unavailable; {@code gsi2pk = LIVE#<n>}
 * (write-sharded) lists every connection for platform-wide pushes. {@code expiresAt} (epoch seconds) is when
 * API Gateway closes it at the latest (2 hours): TTL drops it, and readers skip it before TTL runs. {@code endpoint} is
 * the {@code @connections} URL of the WebSocket API it is connected to (null: the pushing function's own region's).
 */
public record ConnectionItem(String pk, String sk, String connectionId, String userId, Instant connectedAt,
                             Set<String> subscriptions, String format, Long seq, String gsi2pk, String gsi2sk,
                             Long expiresAt, String endpoint) {}
