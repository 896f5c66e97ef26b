package com.nija.shared.protections;

/**
 * Told when a protection fires, once per trip (live pushes hook in here; trader notifications are the next listener).
 * Must never throw: a trip is already recorded when listeners hear of it.
 */
public interface ProtectionListener {
    void tripped(String userId, ProtectionTrip trip);
}
