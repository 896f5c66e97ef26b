package com.nija.shared.auth;

import java.time.Instant;
import java.util.List;

/** Who a verified token names: its {@code sub}, its Cognito groups and when it stops being valid. */
public record VerifiedIdentity(String subject, List<String> groups, Instant expiresAt) {
    public VerifiedIdentity {
        groups = List.copyOf(groups);
    }
}
