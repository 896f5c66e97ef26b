package com.nija.shared.billing;

import com.nija.shared.data.Keys;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A Stripe webhook, start to end: verify the signature over the raw body, claim the event id (exactly one delivery of
 * an id applies it; the others change nothing), apply it if it is newer than what is stored, project the trader's tier. All of it is
 * a handful of single-item DynamoDB writes: nothing slow on the request path, no calls to Stripe.
 */
@Singleton
public class StripeWebhookService {
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookService.class);
    /** What a {@code client_reference_id} must look like to be taken as one of our user ids (Cognito subs are UUIDs). */
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final StripeWebhookVerifier verifier;
    private final BillingStore store;
    private final BillingProjector projector;
    private final StripePriceCatalog prices;
    private final BillingConfig config;
    private final Clock clock;
    private final StripeAlerts alerts;
    private final BillingNotices notices;

    public StripeWebhookService(StripeWebhookVerifier verifier, BillingStore store, BillingProjector projector,
                                StripePriceCatalog prices, BillingConfig config, Clock clock, StripeAlerts alerts,
                                BillingNotices notices) {
        this.alerts = alerts;
        this.notices = notices;
        this.verifier = verifier;
        this.store = store;
        this.projector = projector;
        this.prices = prices;
        this.config = config;
        this.clock = clock;
    }

    /** What the webhook answers: the event, whether it was a repeat, and what applying it did. */
    public record Receipt(String eventId, String type, boolean duplicate, String outcome) {}

    /**
     * Exactly one delivery of an event applies it: the one whose claim (a put-if-absent of the event record) wins.
     * A delivery that finds the event finished answers as a duplicate with the applying delivery's outcome; one that
     * finds it still being applied is refused so Stripe delivers again later. A claim older than the configured lease
     * belongs to a delivery that crashed, and the next delivery takes it over.
     *
     * @throws StripeWebhookNotConfiguredException no signing secret is configured
     * @throws StripeSignatureException bad, missing or stale signature (nothing is written)
     * @throws StripeEventInProgressException another delivery of the event is applying it (nothing is written)
     */
    public Receipt receive(String rawBody, Optional<String> signature) {
        StripeEvent event = verified(rawBody, signature);
        MDC.put("stripe_event_id", event.id());
        try {
            Instant now = clock.instant();
            String claimId = UUID.randomUUID().toString(); // per delivery, at request time (never during init)
            StripeEventItem claim = new StripeEventItem(Keys.stripeEvent(event.id()), Keys.STRIPE_ITEM, event.id(),
                    event.type(), event.objectId(), event.created(), event.livemode(), event.apiVersion(),
                    StripeEventItem.RECEIVED, null, now, null,
                    now.plus(config.getEventRetention()).getEpochSecond(), claimId, now);
            if (!store.claimEvent(claim)) {
                Optional<Receipt> earlier = earlierDelivery(event, claimId, now);
                if (earlier.isPresent()) return earlier.get();
            }
            String outcome;
            try {
                outcome = apply(event);
            } catch (RuntimeException failed) {
                store.releaseEvent(event.id(), claimId);
                alerts.applyFailed(event, failed);
                throw failed;
            }
            if (!store.finishEvent(event.id(), claimId, outcome, clock.instant())) {
                LOG.warn("stripe event {} was applied past its claim's lease and taken over by another delivery",
                        event.id());
                return store.event(event.id()).filter(e -> StripeEventItem.PROCESSED.equals(e.state()))
                        .map(e -> duplicate(event, e)).orElseThrow(() -> new StripeEventInProgressException(event.id()));
            }
            Telemetry.record(Metric.count("StripeWebhookProcessed", "type", event.type()));
            LOG.info("stripe event {} {}: {}", event.type(), event.id(), outcome);
            return new Receipt(event.id(), event.type(), false, outcome);
        } finally {
            MDC.remove("stripe_event_id");
        }
    }

    /** The verified event; a delivery that cannot be verified is refused and alerted (operator alerts). */
    private StripeEvent verified(String rawBody, Optional<String> signature) {
        try {
            return verifier.verify(rawBody, signature);
        } catch (StripeWebhookNotConfiguredException e) {
            alerts.unconfigured();
            throw e;
        } catch (StripeSignatureException e) {
            alerts.signatureRefused();
            throw e;
        }
    }

    /**
     * When another delivery claimed the event first: its outcome if it finished; empty when its claim outlived the
     * lease and this delivery took it over (this one applies the event then).
     */
    private Optional<Receipt> earlierDelivery(StripeEvent event, String claimId, Instant now) {
        StripeEventItem seen = store.event(event.id()).orElseThrow(() -> new StripeEventInProgressException(event.id()));
        if (StripeEventItem.PROCESSED.equals(seen.state())) return Optional.of(duplicate(event, seen));
        boolean abandoned = !seen.claimTime().plus(config.getEventClaimLease()).isAfter(now);
        if (!abandoned || !store.takeOverEvent(seen, claimId, now)) {
            Telemetry.record(Metric.count("StripeWebhookInProgress"));
            throw new StripeEventInProgressException(event.id());
        }
        LOG.info("stripe event {} was claimed at {} and never finished; applying it again", event.id(),
                seen.claimTime());
        return Optional.empty();
    }

    /** The receipt of a duplicate: the stored outcome of the delivery that applied the event. */
    private static Receipt duplicate(StripeEvent event, StripeEventItem finished) {
        Telemetry.record(Metric.count("StripeWebhookDuplicate"));
        return new Receipt(event.id(), event.type(), true, finished.outcome());
    }

    private String apply(StripeEvent event) {
        return switch (event.type()) {
            case "checkout.session.completed" -> checkoutCompleted(event);
            case "customer.subscription.created" -> subscription(event, BillingRules.CREATED);
            case "customer.subscription.updated" -> subscription(event, BillingRules.UPDATED);
            case "customer.subscription.trial_will_end" ->
                    notices.trialEnding(event, subscription(event, BillingRules.UPDATED));
            case "customer.subscription.deleted" -> subscription(event, BillingRules.DELETED);
            case "invoice.paid" -> invoice(event, StripeInvoiceItem.PAID);
            case "invoice.payment_failed" -> notices.paymentFailed(event, invoice(event, StripeInvoiceItem.PAYMENT_FAILED));
            case "invoice.payment_action_required" -> invoice(event, StripeInvoiceItem.ACTION_REQUIRED);
            default -> "ignored: not a type billing handles";
        };
    }

    private String checkoutCompleted(StripeEvent event) {
        StripeObjects.CheckoutSession session = StripeObjects.checkoutSession(event.object());
        String userId = session.clientReferenceId();
        if (userId == null) return "ignored: no client_reference_id";
        if (!USER_ID.matcher(userId).matches()) return "ignored: client_reference_id is not a user id";
        if (session.customerId() == null) return "ignored: no customer";
        if (!store.link(session.customerId(), userId, session.id(), clock.instant())) {
            Telemetry.record(Metric.count("StripeCustomerConflict"));
            LOG.warn("customer {} is linked to another trader; checkout session {} ignored", session.customerId(),
                    session.id());
            return "conflict: customer is linked to another trader";
        }
        List<SubscriptionStateItem> linked = new ArrayList<>();
        for (SubscriptionStateItem s : store.subscriptionsOfCustomer(session.customerId())) {
            store.setSubscriptionUser(s.subscriptionId(), userId);
            linked.add(s);
        }
        if (session.subscriptionId() != null && linked.stream().noneMatch(s -> s.subscriptionId().equals(session.subscriptionId()))) {
            // Its subscription event may have been stored a moment ago and not be in the index yet.
            store.subscription(session.subscriptionId()).filter(s -> session.customerId().equals(s.customerId()))
                    .ifPresent(s -> {
                        store.setSubscriptionUser(s.subscriptionId(), userId);
                        linked.add(s);
                    });
        }
        projector.project(userId, linked.stream().map(s -> withUser(s, userId)).toArray(SubscriptionStateItem[]::new));
        return "applied: customer linked";
    }

    private String subscription(StripeEvent event, int rank) {
        StripeObjects.Subscription s = StripeObjects.subscription(event.object());
        if (s.id() == null || s.customerId() == null || s.status() == null) return "ignored: not a subscription";
        String userId = store.userOfCustomer(s.customerId()).orElse(null);
        if (userId == null && s.metadataUserId() != null && USER_ID.matcher(s.metadataUserId()).matches()
                && store.link(s.customerId(), s.metadataUserId(), null, clock.instant())) {
            userId = s.metadataUserId();
        }
        BillingRules.Plan plan = plan(s);
        boolean terminal = rank == BillingRules.DELETED || BillingRules.TERMINAL.contains(s.status());
        long key = BillingRules.stateKey(event.created(), rank);
        long periodEnd = BillingRules.periodEndEpoch(s.currentPeriodEnd());
        for (int attempt = 0; attempt < 3; attempt++) {
            SubscriptionStateItem stored = store.subscription(s.id()).orElse(null);
            if (!BillingRules.newer(stored, key, periodEnd, terminal)) {
                Telemetry.record(Metric.count("StripeEventStale"));
                return "stale: a newer state of " + s.id() + " is stored";
            }
            SubscriptionStateItem next = BillingRules.next(s, plan, stored, event.id(), event.created(), rank, userId,
                    clock.instant(), prices::rank);
            if (store.putSubscriptionIfNewer(next, terminal)) {
                String owner = next.userId();
                if (owner == null) return "unlinked: stored until checkout.session.completed names the trader";
                projector.project(owner, next);
                return "applied: " + next.status() + " " + next.entitledTier()
                        + (plan.mapped() ? "" : " (unknown price " + plan.priceId() + ")");
            }
        }
        Telemetry.record(Metric.count("StripeEventStale"));
        return "stale: a newer state of " + s.id() + " is stored";
    }

    private BillingRules.Plan plan(StripeObjects.Subscription s) {
        String tier = null;
        StripeObjects.Line chosen = null;
        BigDecimal monthly = BigDecimal.ZERO;
        for (StripeObjects.Line line : s.lines()) {
            monthly = monthly.add(line.monthlyAmount());
            Optional<String> lineTier = prices.tierOf(line.priceId(), line.lookupKey());
            if (lineTier.isPresent() && (tier == null || prices.rank(lineTier.get()) > prices.rank(tier))) {
                tier = lineTier.get();
                chosen = line;
            }
        }
        boolean mapped = tier != null;
        if (!mapped) {
            Telemetry.record(Metric.count("StripeUnknownPrice"));
            if (!s.lines().isEmpty()) chosen = s.lines().get(0);
            tier = com.nija.shared.account.TierCatalog.DEFAULT_TIER; // a price we don't sell buys nothing
            LOG.warn("subscription {} has no price mapped to a tier; treating it as free", s.id());
        }
        String currency = s.currency() != null ? s.currency() : chosen == null ? null : chosen.currency();
        return new BillingRules.Plan(tier, chosen == null ? null : chosen.priceId(),
                chosen == null ? null : chosen.interval(), chosen == null ? 1 : chosen.intervalCount(), currency,
                monthly, mapped);
    }

    private String invoice(StripeEvent event, String status) {
        StripeObjects.Invoice inv = StripeObjects.invoice(event.object());
        if (inv.id() == null) return "ignored: not an invoice";
        Instant at = event.created();
        long attempt = Math.max(1, inv.attemptCount());
        if (StripeInvoiceItem.PAYMENT_FAILED.equals(status)) {
            // Every failed attempt counts for finance, even one that a later payment made moot.
            YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
            store.putPaymentFailure(new PaymentFailureItem(Keys.stripeInvoice(inv.id()), Keys.paymentFailure(attempt),
                    inv.id(), inv.subscriptionId(), inv.customerId(), attempt,
                    StripeJson.money(inv.amountDue(), inv.currency()), inv.currency(), at,
                    Keys.paymentFailures(month), Keys.byTime(at, inv.id() + "#" + attempt)));
        }
        StripeInvoiceItem written = null;
        for (int i = 0; i < 3 && written == null; i++) {
            StripeInvoiceItem stored = store.invoice(inv.id()).orElse(null);
            if (stored != null && (StripeInvoiceItem.PAID.equals(stored.status())
                    || (!StripeInvoiceItem.PAID.equals(status) && stored.eventCreatedEpoch() > at.getEpochSecond()))) {
                Telemetry.record(Metric.count("StripeEventStale"));
                return "stale: invoice " + inv.id() + " has a newer payment state";
            }
            Instant firstFailed = stored == null ? null : stored.firstFailedAt();
            Instant lastFailed = stored == null ? null : stored.lastFailedAt();
            if (StripeInvoiceItem.PAYMENT_FAILED.equals(status)) {
                if (firstFailed == null || at.isBefore(firstFailed)) firstFailed = at;
                if (lastFailed == null || at.isAfter(lastFailed)) lastFailed = at;
            }
            Instant created = inv.created() != null ? inv.created() : at;
            StripeInvoiceItem next = new StripeInvoiceItem(Keys.stripeInvoice(inv.id()), Keys.STRIPE_ITEM, inv.id(),
                    inv.subscriptionId(), inv.customerId(), status, StripeJson.money(inv.amountDue(), inv.currency()),
                    StripeJson.money(inv.amountPaid(), inv.currency()), inv.currency(), attempt, created, firstFailed,
                    lastFailed, StripeInvoiceItem.PAID.equals(status) ? (inv.paidAt() != null ? inv.paidAt() : at) : null,
                    inv.nextPaymentAttempt(), inv.hostedInvoiceUrl(), inv.billingReason(), at.getEpochSecond(),
                    event.id(), inv.subscriptionId() == null ? null : Keys.invoicesOfSubscription(inv.subscriptionId()),
                    inv.subscriptionId() == null ? null : Keys.byTime(created, inv.id()), inv.periodStart(),
                    inv.periodEnd(), Keys.invoicesOfMonth(YearMonth.from(created.atZone(ZoneOffset.UTC))),
                    Keys.byTime(created, inv.id()));
            if (store.putInvoiceIfNewer(next)) written = next;
        }
        if (written == null) return "stale: invoice " + inv.id() + " has a newer payment state";
        Optional<String> userId = inv.customerId() == null ? Optional.empty() : store.userOfCustomer(inv.customerId());
        if (userId.isEmpty()) return "unlinked: invoice stored, no trader for customer " + inv.customerId();
        projector.project(userId.get(), written);
        return "applied: invoice " + status;
    }

    private static SubscriptionStateItem withUser(SubscriptionStateItem s, String userId) {
        return new SubscriptionStateItem(s.pk(), s.sk(), s.subscriptionId(), s.customerId(), userId, s.status(),
                s.priceId(), s.tier(), s.entitledTier(), s.pendingTier(), s.pendingTierAt(), s.currency(),
                s.monthlyAmount(), s.interval(), s.intervalCount(), s.cancelAtPeriodEnd(), s.cancelAt(),
                s.canceledAt(), s.endedAt(), s.trialStart(), s.trialEnd(), s.currentPeriodStart(),
                s.currentPeriodEnd(), s.startedAt(), s.createdAt(), s.pastDueSince(), s.scheduled(),
                s.latestInvoiceId(), s.stateKey(), s.currentPeriodEndEpoch(), s.stateEventId(), s.updatedAt(),
                s.gsi1pk(), s.gsi1sk(), s.gsi2pk(), s.gsi2sk());
    }
}
