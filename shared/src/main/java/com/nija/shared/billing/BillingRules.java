package com.nija.shared.billing;

import com.nija.shared.account.TierCatalog;
import com.nija.shared.data.Keys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The billing rules, pure: how a Stripe subscription event becomes a stored state (and whether it is newer than what
 * is stored), and how a trader's stored subscriptions and invoices become their billing view.
 * <ul>
 *   <li>trialing / active: the plan's tier, full access;</li>
 *   <li>past_due (and unpaid): the tier stays; new orders stop once the grace period after the first failed
 *       payment is over;</li>
 *   <li>canceled / unpaid / incomplete_expired: free from the end of the period already paid for;</li>
 *   <li>upgrades take the new tier at once; a downgrade in the middle of a period applies when it ends;</li>
 *   <li>nothing here ever closes a position.</li>
 * </ul>
 */
final class BillingRules {
    static final int CREATED = 0;
    static final int UPDATED = 1;
    static final int DELETED = 2;

    static final Set<String> LIVE = Set.of("active", "trialing", "past_due");
    static final Set<String> TERMINAL = Set.of("canceled", "incomplete_expired");
    /** Statuses that pay (or owe) for the current period: counted in MRR. */
    static final Set<String> PAYING = Set.of("active", "past_due");

    private BillingRules() {}

    /** The tier a subscription's prices buy, with what the finance metrics need. */
    record Plan(String tier, String priceId, String interval, long intervalCount, String currency,
                BigDecimal monthlyAmount, boolean mapped) {}

    /** Orders states: later event first, then lifecycle (created < updated < deleted) within the same second. */
    static long stateKey(Instant eventCreated, int rank) {
        return eventCreated.getEpochSecond() * 10 + rank;
    }

    /** The same test as {@link BillingStore#putSubscriptionIfNewer}, to skip a write that would be refused. */
    static boolean newer(SubscriptionStateItem stored, long key, long periodEndEpoch, boolean terminal) {
        if (stored == null) return true;
        boolean storedFinal = TERMINAL.contains(stored.status());
        if (terminal) return !storedFinal || stored.stateKey() < key;
        if (storedFinal) return false;
        return stored.stateKey() < key || (stored.stateKey() == key && stored.currentPeriodEndEpoch() < periodEndEpoch);
    }

    /** The state to store for subscription {@code s} seen in an event of {@code rank}, given what is stored. */
    static SubscriptionStateItem next(StripeObjects.Subscription s, Plan plan, SubscriptionStateItem stored,
                                      String eventId, Instant eventCreated, int rank, String userId, Instant now,
                                      ToIntFunction<String> tierRank) {
        String status = rank == DELETED && !TERMINAL.contains(s.status()) ? "canceled" : s.status();
        String entitled = plan.tier();
        String pending = null;
        Instant pendingAt = null;
        if (stored != null && LIVE.contains(status) && LIVE.contains(stored.status()) && stored.entitledTier() != null
                && tierRank.applyAsInt(plan.tier()) < tierRank.applyAsInt(stored.entitledTier())
                && Objects.equals(stored.currentPeriodStart(), s.currentPeriodStart())) {
            // A downgrade within the period already paid for: the old tier stays until the period ends.
            entitled = stored.entitledTier();
            pending = plan.tier();
            pendingAt = s.currentPeriodEnd();
        }
        Instant pastDueSince = null;
        if (BillingStanding.DUNNING.contains(status)) {
            pastDueSince = stored != null && stored.pastDueSince() != null
                    && BillingStanding.DUNNING.contains(stored.status()) ? stored.pastDueSince() : eventCreated;
        }
        Instant endedAt = s.endedAt() != null ? s.endedAt() : TERMINAL.contains(status) ? eventCreated : null;
        Instant created = s.created() != null ? s.created() : eventCreated;
        long key = stateKey(eventCreated, rank);
        String userOfSub = userId != null ? userId : stored == null ? null : stored.userId();
        return new SubscriptionStateItem(Keys.stripeSubscription(s.id()), Keys.STRIPE_ITEM, s.id(), s.customerId(),
                userOfSub, status, plan.priceId(), plan.tier(), entitled, pending, pendingAt, plan.currency(),
                plan.monthlyAmount(), plan.interval(), plan.intervalCount(), s.cancelAtPeriodEnd(), s.cancelAt(),
                s.canceledAt(), endedAt, s.trialStart(), s.trialEnd(), s.currentPeriodStart(), s.currentPeriodEnd(),
                s.startDate() != null ? s.startDate() : created, created, pastDueSince, s.scheduled(),
                s.latestInvoiceId(), key, periodEndEpoch(s.currentPeriodEnd()), eventId, now,
                Keys.subscribersByStatus(status), Keys.byTime(created, s.id()),
                Keys.subscriptionsOfCustomer(s.customerId()), Keys.byTime(created, s.id()));
    }

    static long periodEndEpoch(Instant periodEnd) {
        return periodEnd == null ? 0 : periodEnd.getEpochSecond();
    }

    /** Which of a trader's subscriptions speaks for them: a live one first, then the newest. */
    static Optional<SubscriptionStateItem> primary(List<SubscriptionStateItem> subscriptions) {
        return subscriptions.stream().max(Comparator
                .comparingInt((SubscriptionStateItem s) -> priority(s.status()))
                .thenComparing(s -> s.createdAt() == null ? Instant.EPOCH : s.createdAt())
                .thenComparing(SubscriptionStateItem::subscriptionId));
    }

    private static int priority(String status) {
        if (LIVE.contains(status)) return 3;
        if ("unpaid".equals(status) || "paused".equals(status)) return 2;
        if ("incomplete".equals(status)) return 1;
        return 0;
    }

    /**
     * A trader's billing view from their subscriptions and each one's newest invoice. {@code version} is the stored
     * view's version (null for a first write), carried so the write is version-checked.
     */
    static BillingAccountItem account(String userId, List<SubscriptionStateItem> subscriptions,
                                      Function<String, Optional<StripeInvoiceItem>> latestInvoice, Duration grace,
                                      Instant now, Long version) {
        Optional<SubscriptionStateItem> chosen = primary(subscriptions);
        String customer = chosen.map(SubscriptionStateItem::customerId).orElse(null);
        if (chosen.isEmpty()) {
            return new BillingAccountItem(Keys.user(userId), Keys.BILLING, userId, customer, null, "none", null, null,
                    TierCatalog.DEFAULT_TIER, null, null, null, null, null, null, null, null, "none", null, null, now,
                    version);
        }
        SubscriptionStateItem s = chosen.get();
        String free = TierCatalog.DEFAULT_TIER;
        String tier;
        Instant until = null;
        String after = null;
        switch (s.status()) {
            case "active", "trialing", "past_due" -> {
                tier = s.entitledTier();
                if (s.pendingTier() != null) {
                    until = s.pendingTierAt();
                    after = s.pendingTier();
                }
                if (Boolean.TRUE.equals(s.cancelAtPeriodEnd()) && s.currentPeriodEnd() != null) {
                    until = s.currentPeriodEnd();
                    after = free;
                } else if (s.cancelAt() != null) {
                    until = s.cancelAt();
                    after = free;
                }
            }
            case "unpaid" -> {
                tier = s.entitledTier();
                until = s.currentPeriodEnd() != null ? s.currentPeriodEnd() : now;
                after = free;
            }
            case "canceled" -> {
                tier = s.entitledTier();
                boolean endedInTrial = s.trialEnd() != null && s.endedAt() != null && !s.endedAt().isAfter(s.trialEnd())
                        && s.trialStart() != null;
                // Paid for until the period's end; a trial that was canceled gives nothing beyond its end.
                until = endedInTrial || s.currentPeriodEnd() == null ? s.endedAt() : s.currentPeriodEnd();
                after = free;
            }
            default -> tier = free; // incomplete, incomplete_expired, paused: never paid for this period
        }
        if (tier == null) tier = free;
        Optional<StripeInvoiceItem> invoice = latestInvoice.apply(s.subscriptionId());
        String paymentState = invoice.map(i -> switch (i.status()) {
            case StripeInvoiceItem.PAID -> "ok";
            case StripeInvoiceItem.ACTION_REQUIRED -> "action_required";
            default -> "failed";
        }).orElse("none");
        boolean unpaidInvoice = invoice.isPresent() && !StripeInvoiceItem.PAID.equals(invoice.get().status());
        Instant pastDueSince = s.pastDueSince();
        Instant graceEnds = null;
        if (BillingStanding.DUNNING.contains(s.status()) && !"ok".equals(paymentState)) {
            Instant start = pastDueSince;
            Instant firstFailure = unpaidInvoice ? invoice.get().firstFailedAt() : null;
            if (firstFailure != null && (start == null || firstFailure.isBefore(start))) start = firstFailure;
            if (start == null) start = now;
            pastDueSince = start;
            graceEnds = start.plus(grace);
        }
        return new BillingAccountItem(Keys.user(userId), Keys.BILLING, userId, customer, s.subscriptionId(),
                s.status(), s.priceId(), s.interval(), tier, until, after, s.currentPeriodEnd(), s.cancelAtPeriodEnd(),
                s.cancelAt(), s.trialEnd(), pastDueSince, graceEnds, paymentState,
                unpaidInvoice ? invoice.get().hostedInvoiceUrl() : null,
                invoice.map(StripeInvoiceItem::lastFailedAt).orElse(null), now, version);
    }

    /** Same view, ignoring when it was written: skips writes that change nothing. */
    static boolean sameView(BillingAccountItem a, BillingAccountItem b) {
        if (a == null || b == null) return false;
        return strip(a).equals(strip(b));
    }

    private static BillingAccountItem strip(BillingAccountItem a) {
        return new BillingAccountItem(a.pk(), a.sk(), a.userId(), a.customerId(), a.subscriptionId(), a.status(),
                a.priceId(), a.interval(), a.tier(), a.tierUntil(), a.tierAfter(), a.currentPeriodEnd(),
                a.cancelAtPeriodEnd(), a.cancelAt(), a.trialEnd(), a.pastDueSince(), a.graceEndsAt(),
                a.paymentState(), a.hostedInvoiceUrl(), a.lastPaymentFailedAt(), null, null);
    }
}
