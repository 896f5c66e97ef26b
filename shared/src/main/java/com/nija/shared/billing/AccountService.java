package com.nija.shared.billing;

import com.nija.shared.account.ProfileService;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.brokers.TierInForce;
import com.nija.shared.brokers.TradingModeView;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.graduation.Graduation;
import com.nija.shared.graduation.GraduationProgress;
import com.nija.shared.signup.TermsService;
import com.nija.shared.signup.TermsStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The trader's account: tier (a subscription's, else the sign-up trial's, else the profile's), status, renewal,
 * entitlements and what the period end brings, the trading mode those entitlements are used in, the terms they
 * accepted and their progress from paper to live. The tier in force is the one broker connections and live-trading
 * consent enforce ({@link TierInForce}).
 */
@Singleton
public class AccountService implements TierInForce {
    private final ProfileService profiles;
    private final BillingProjector projector;
    private final TierCatalog tiers;
    private final BrokerLinkRepository brokers;
    private final TermsService terms;
    private final Graduation graduation;
    private final Clock clock;

    public AccountService(ProfileService profiles, BillingProjector projector, TierCatalog tiers,
                          BrokerLinkRepository brokers, TermsService terms, Graduation graduation, Clock clock) {
        this.terms = terms;
        this.graduation = graduation;
        this.profiles = profiles;
        this.projector = projector;
        this.tiers = tiers;
        this.brokers = brokers;
        this.clock = clock;
    }

    /** Billing's tier at this instant when the trader has a subscription, else their trial's or profile's. */
    @Override
    public String tier(String userId) {
        return BillingStanding.tierInForce(projector.current(userId).orElse(null), profiles.get(userId),
                clock.instant());
    }

    public AccountView account(String userId) {
        Optional<BillingAccountItem> billing = projector.current(userId);
        Instant now = clock.instant();
        TradingModeView mode = TradingModeView.of(brokers.mode(userId));
        TermsStatus termsStatus = terms.status(userId);
        GraduationProgress progress = graduation.progress(userId);
        if (billing.isEmpty() || !BillingStanding.subscribed(billing.get())) {
            ProfileItem profile = profiles.get(userId);
            String tier = profile.tierAt(now);
            boolean trial = profile.trialRunsAt(now);
            return new AccountView(userId, tier, profile.subscriptionStatus(), null, null,
                    trial ? profile.trialEndsAt() : null, tiers.limits(tier), trial
                    ? new AccountView.PeriodEnd("trial-ends", profile.trialEndsAt(), profile.tier(), "the " + tier
                    + " trial ends; the " + profile.tier() + " tier applies unless you subscribe")
                    : new AccountView.PeriodEnd("none", null, tier, "no subscription: the " + tier + " tier applies"),
                    new AccountView.Payment("none", null, null, false, null), mode, termsStatus.required(),
                    termsStatus, progress);
        }
        BillingAccountItem b = billing.get();
        BillingStanding standing = BillingStanding.of(b, now);
        String tier = standing.tier();
        AccountView.PeriodEnd periodEnd = periodEnd(b, tier, now);
        boolean renews = "renew".equals(periodEnd.action()) || "downgrade".equals(periodEnd.action());
        return new AccountView(userId, tier, b.status(), renews ? b.currentPeriodEnd() : null, b.currentPeriodEnd(),
                "trialing".equals(b.status()) ? b.trialEnd() : null, tiers.limits(tier), periodEnd,
                new AccountView.Payment(b.paymentState(), b.lastPaymentFailedAt(), b.graceEndsAt(),
                        standing.newOrdersStopped(), b.hostedInvoiceUrl()), mode, termsStatus.required(), termsStatus,
                progress);
    }

    private static AccountView.PeriodEnd periodEnd(BillingAccountItem b, String tier, Instant now) {
        boolean changePending = b.tierUntil() != null && now.isBefore(b.tierUntil()) && b.tierAfter() != null;
        if (changePending && TierCatalog.DEFAULT_TIER.equals(b.tierAfter())) {
            return new AccountView.PeriodEnd("cancel", b.tierUntil(), b.tierAfter(),
                    "the subscription ends; the free tier applies from then on; open positions stay open");
        }
        if (changePending) {
            return new AccountView.PeriodEnd("downgrade", b.tierUntil(), b.tierAfter(),
                    "the plan changes from " + tier + " to " + b.tierAfter() + "; open positions stay open");
        }
        return switch (b.status()) {
            case "active", "trialing", "past_due" -> new AccountView.PeriodEnd("renew", b.currentPeriodEnd(), tier,
                    "the " + tier + " plan renews");
            default -> new AccountView.PeriodEnd("none", null, tier, "no active subscription: the " + tier
                    + " tier applies");
        };
    }
}
