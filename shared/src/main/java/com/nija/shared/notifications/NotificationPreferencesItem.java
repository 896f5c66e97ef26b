package com.nija.shared.notifications;

import java.time.Instant;

/**
 * A trader's choice of channels per event ({@code sk = NOTIFY#PREFS}): {@code routes} is the JSON object
 * {@code {"fill":["email","webhook"],…}} as validated by {@link PreferencesParser}; versioned so two saves never
 * silently overwrite each other.
 */
public record NotificationPreferencesItem(String pk, String sk, String userId, String routes, Instant updatedAt,
                                          Long version) {}
