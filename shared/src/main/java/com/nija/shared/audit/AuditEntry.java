package com.nija.shared.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An audit record as a trader or an admin reads it (the table's keys stay inside). */
public record AuditEntry(String auditId, Instant at, String actor, List<String> groups, String requestId,
                         String sourceIp, String target, String action, String reason, Map<String, String> before,
                         Map<String, String> after) {}
