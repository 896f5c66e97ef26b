package com.nija.shared.billing;

import com.nija.shared.account.TierLimits;
import com.nija.shared.brokers.TradingModeView;
import com.nija.shared.graduation.GraduationProgress;
import com.nija.shared.signup.TermsStatus;
import java.time.Instant;

/**
 * {@code GET /api/v1/account}: the trader's plan as billing sees it now.
 *
 * @param tier               the tier in force now (what the engine enforces)
 * @param subscriptionStatus Stripe's status (trialing, active, past_due, canceled…), or none
 * @param renewsAt           when the subscription renews (null when it won't)
 * @param currentPeriodEnd   end of the period already paid for (or of the trial)
 * @param entitlements       the limits of {@code tier}
 * @param atPeriodEnd        what happens when the period ends
 * @param payment            payment health and the grace period of a failed payment
 * @param trialEndsAt        end of the trial running now: Stripe's for a trialing subscription, else the sign-up's
 * @param tradingMode        where new orders go: paper, or live at a venue
 * @param termsRequired      the trader must accept the terms in force before trading live (asked at sign-in)
 * @param terms              the versions in force and the ones the trader accepted
 * @param graduation         progress from paper to live, criterion by criterion
 */
public record AccountView(String userId, String tier, String subscriptionStatus, Instant renewsAt,
                          Instant currentPeriodEnd, Instant trialEndsAt, TierLimits entitlements,
                          PeriodEnd atPeriodEnd, Payment payment, TradingModeView tradingMode,
                          boolean termsRequired, TermsStatus terms, GraduationProgress graduation) {

    /** {@code action}: renew, downgrade, cancel or none; {@code tier} the tier from {@code at} on. */
    public record PeriodEnd(String action, Instant at, String tier, String description) {}

    /** {@code state}: ok, failed, action_required or none. New orders stop once {@code graceEndsAt} has passed. */
    public record Payment(String state, Instant lastFailedAt, Instant graceEndsAt, boolean newOrdersStopped,
                          String hostedInvoiceUrl) {}
}
