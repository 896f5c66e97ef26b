package com.nija.shared.billing;

import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The engine's view of billing: one consistent read of the trader's billing view ({@code USER#<id> / BILLING}).
 * A trader with no billing state is {@link BillingStanding#UNRESTRICTED}: their profile's tier applies.
 */
@Singleton
public class BillingStandings {
    private final BillingStore store;

    public BillingStandings(BillingStore store) {
        this.store = store;
    }

    public BillingStanding standing(String userId, Instant now) {
        return BillingStanding.of(store.account(userId).orElse(null), now);
    }
}
