package com.nija.shared.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert: its kind (severity, title, first check), whom it concerns ({@code subject}: a trader id, a source, a
 * queue), what happened in this case ({@code detail}) and when. {@code key} names the trigger: a repeat with the same
 * key within the kind's quiet period raises nothing. Never carries a secret: details are built from ids and amounts.
 */
public record OperatorAlert(AlertKind kind, String subject, String detail, String key, Instant at) {
    public OperatorAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
        key = kind.name() + "#" + (key == null ? subject : key);
    }

    public Severity severity() {
        return kind.severity();
    }
}
