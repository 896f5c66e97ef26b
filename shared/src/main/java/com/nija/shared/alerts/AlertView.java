package com.nija.shared.alerts;

import java.time.Instant;

/** A raised alert as admins read it ({@code GET /api/v1/admin/alerts}): what, to whom, the first check, when. */
public record AlertView(String kind, String severity, String title, String subject, String detail, String firstCheck,
                        Instant raisedAt) {

    static AlertView of(AlertItem item) {
        AlertKind kind = item.kind();
        return new AlertView(kind.name(), kind.severity().name(), kind.title(), item.subject(), item.detail(),
                kind.firstCheck(), item.raisedAt());
    }
}
