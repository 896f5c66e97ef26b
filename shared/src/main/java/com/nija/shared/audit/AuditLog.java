package com.nija.shared.audit;

import com.nija.shared.data.AuditItem;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the audit trail: who changed what, for whom, when, from where, and what it was before and after. Only the
 * keys whose values changed are kept; values come from {@link AuditSubjects} summaries, which hold no secrets. One
 * record per request: its id is the request id, so a retried write of the same request is not recorded twice.
 */
@Singleton
public class AuditLog {
    /** The target of platform-wide changes (the kill switch, signal sources). */
    public static final String PLATFORM = "platform";

    private final AuditRepository records;
    private final Clock clock;

    public AuditLog(AuditRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * @param action what was done, e.g. {@code POST /api/v1/admin/traders/{id}/pause}
     * @param reason the reason the person gave, or null
     * @return the record this call wrote (when one with its key was there already, that one stays as it was)
     */
    public AuditEntry record(Actor actor, String target, String action, String reason, Map<String, String> before,
                             Map<String, String> after) {
        Instant at = clock.instant();
        String id = actor.requestId() != null ? actor.requestId() : UUID.randomUUID().toString();
        AuditChanges changes = AuditChanges.between(before, after);
        String sortKey = AuditRepository.sortKey(at, id);
        AuditItem item = new AuditItem(AuditRepository.partition(target), sortKey, id, at, actor.id(),
                actor.groups(), actor.requestId(), actor.sourceIp(), target, action, AuditChanges.bounded(reason),
                changes.before(), changes.after(),
                AuditRepository.month(AuditRepository.monthOf(at)), sortKey + "#" + target);
        if (!records.append(item)) Telemetry.record(Metric.count("AuditDuplicate"));
        return AuditTrail.view(item);
    }
}
