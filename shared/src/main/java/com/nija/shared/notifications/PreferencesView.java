package com.nija.shared.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/notifications/preferences}: every event you can choose with the channels it goes to (empty when
 * none), and the channels you set up.
 */
public record PreferencesView(Map<String, List<String>> events, List<ChannelView> channels, Instant updatedAt) {}
