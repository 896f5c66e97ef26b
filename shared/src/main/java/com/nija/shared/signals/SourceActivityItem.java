package com.nija.shared.signals;

/**
 * When a source was last heard from (a signal or price batch accepted), beside its registration:
 * {@code SOURCE#<id>} / {@code ACTIVITY}. An item of its own, so marking it never races an admin's versioned change
 * of the source. {@code lastHeardAt} is an epoch second.
 */
public record SourceActivityItem(String pk, String sk, String sourceId, Long lastHeardAt) {}
