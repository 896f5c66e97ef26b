package com.nija.shared.brokers;

/**
 * The tier a trader's plan gives them now — billing's when they have a subscription (a downgrade or a lapse applies
 * at period end before any webhook touches the profile), else their profile's. Billing implements it; broker
 * connections and live-trading consent ask it, so they enforce the same tier the engine does.
 */
public interface TierInForce {
    String tier(String userId);
}
