package com.nija.shared.alerts;

import java.time.Instant;

/**
 * The last raise of one alert trigger, under {@code ALERT#<key>}: its put is conditional on the previous raise's
 * quiet period being over, which is how repeats are dropped across functions; listed newest first under
 * {@code gsi2pk = ALERTS} for admins, and expired after the history period.
 *
 * @param quietUntil epoch second until which the same key raises nothing
 */
public record AlertItem(String pk, String sk, AlertKind kind, String subject, String detail, Instant raisedAt,
                        Long quietUntil, String gsi2pk, String gsi2sk, Long expiresAt) {}
