package com.nija.shared.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change a person (or billing) made, in the audit table: {@code pk = AUDIT#<target>} (a trader id, or
 * {@code platform} for platform-wide changes such as the kill switch), {@code sk = <epoch millis>#<auditId>}, and in the
 * by-month index {@code gsi1pk = AUDIT#<yyyy-MM>}. Written once, never updated or deleted; no TTL.
 *
 * @param before what the change touched, as it was (only the keys that changed; never a secret)
 * @param after  the same keys afterwards
 */
public record AuditItem(String pk, String sk, String auditId, Instant at, String actor, List<String> groups,
                        String requestId, String sourceIp, String target, String action, String reason,
                        Map<String, String> before, Map<String, String> after, String gsi1pk, String gsi1sk) {}
