package com.nija.shared.settings;

/**
 * Which signal sources are registered, so settings can refuse a subscription to one that does not exist (a typo
 * would otherwise leave the trader silently following nothing). Implemented by the signal source registry; the
 * port lives here so settings do not depend on the signals package, which depends on settings.
 */
public interface SignalSources {
    /** True when {@code sourceId} is a registered sender of signals (a price source is not one). */
    boolean sendsSignals(String sourceId);
}
