package com.nija.shared.billing;

/** Told when billing moved a trader's tier or subscription status on their profile (the audit trail hooks in here). */
public interface TierChangeListener {
    /**
     * @param billingVersion the billing view's version that moved it: one change per version, however often Stripe
     *                       redelivers the event
     */
    void tierChanged(String userId, String tierBefore, String statusBefore, String tier, String status,
                     long billingVersion);
}
