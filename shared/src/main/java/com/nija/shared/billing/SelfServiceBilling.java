package com.nija.shared.billing;

import com.nija.shared.account.TierCatalog;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.stripe.param.checkout.SessionCreateParams;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A trader buys and manages their plan themselves: the plans on sale, a Stripe Checkout Session to subscribe, a
 * Customer Portal session to upgrade, downgrade, cancel and read invoices. Nothing here changes the trader's tier: the
 * webhooks apply what Stripe then reports ({@code checkout.session.completed} links the customer through
 * {@code client_reference_id}, subscription events set the tier).
 *
 * <p>The trial is honoured once per trader: a Checkout grants it only to a trader with no Stripe customer, and a
 * customer is linked (recorded, by the webhook) exactly when a trader's first subscription Checkout completes. The
 * subscription also carries the trader's id in its metadata, which links it should that event come late.
 */
@Singleton
public class SelfServiceBilling {
    /** Subscription statuses that no longer bill: a trader with any other has a subscription to change, not buy. */
    private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");
    /** A client's {@code Idempotency-Key}: what Stripe allows in its own, minus anything that is not plainly printable. */
    private static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,200}");

    private final TierCatalog tiers;
    private final StripePriceCatalog catalog;
    private final CheckoutPrices offers;
    private final PlanPrices prices;
    private final StripeApi stripe;
    private final BillingStore store;
    private final BillingConfig config;

    public SelfServiceBilling(TierCatalog tiers, StripePriceCatalog catalog, CheckoutPrices offers, PlanPrices prices,
                              StripeApi stripe, BillingStore store, BillingConfig config) {
        this.tiers = tiers;
        this.catalog = catalog;
        this.offers = offers;
        this.prices = prices;
        this.stripe = stripe;
        this.store = store;
        this.config = config;
    }

    public PlansView plans(String userId) {
        requireStripe();
        PlanPrices.Snapshot snapshot = prices.current();
        List<PlansView.Plan> plans = new ArrayList<>();
        for (String tier : tiersByPrice()) {
            Map<String, PlansView.Price> byInterval = new LinkedHashMap<>();
            for (String interval : List.of("month", "year")) {
                offers.offer(tier, interval).flatMap(snapshot::of).ifPresent(p -> byInterval.put(interval,
                        new PlansView.Price(p.id(), StripeJson.money(p.unitAmount(), p.currency()), p.currency())));
            }
            plans.add(new PlansView.Plan(tier, tiers.limits(tier), byInterval));
        }
        return new PlansView(plans, new PlansView.Trial(config.getTrialDays(), trialDays(userId) > 0),
                snapshot.readAt());
    }

    /**
     * A Checkout Session for {@code plan} billed every {@code interval}.
     *
     * @param clientKey the client's {@code Idempotency-Key} (null when it sent none): a retried request with the same
     *                  key gets the session its first attempt created
     * @param requestId the gateway's request id, the key when the client sent none
     * @throws InvalidInputException      400: no such plan or interval, or a malformed {@code Idempotency-Key}
     * @throws PlanConflictException      409: the free plan, one not sold for the interval, or the trader already
     *                                    has a subscription (changed in the portal)
     * @throws BillingNotConfiguredException 503: no Stripe key or return URL on this server
     * @throws BillingUnavailableException   503: Stripe failed; nothing was bought
     */
    public SessionLink checkout(String userId, CheckoutRequest body, String clientKey, String requestId) {
        String requestKey = requestKey(clientKey, requestId);
        validate(body);
        String plan = body.plan();
        if (TierCatalog.DEFAULT_TIER.equals(plan)) {
            throw new PlanConflictException("the free plan needs no checkout; to leave a paid plan, cancel it in the "
                    + "billing portal (POST /api/v1/billing/portal)");
        }
        Optional<BillingAccountItem> billing = store.account(userId);
        if (billing.isPresent() && !ENDED.contains(billing.get().status())) {
            String current = billing.get().tier();
            throw new PlanConflictException(plan.equals(current) ? "you already subscribe to " + plan
                    : "you already subscribe to " + current + ": change plans in the billing portal "
                    + "(POST /api/v1/billing/portal), which prorates, instead of buying a second subscription");
        }
        CheckoutPrices.Offer offer = offers.offer(plan, body.interval()).orElseThrow(() -> new PlanConflictException(
                plan + " is not sold " + (body.interval().equals("year") ? "yearly" : "monthly")));
        String returnUrl = requireReturnUrl();
        requireStripe();
        StripeApi.StripePrice price = prices.current().of(offer).orElseThrow(() -> new BillingUnavailableException(
                plan + " " + body.interval() + "ly has no active price in Stripe right now"));
        Optional<String> customer = customerOf(userId, billing);
        int trialDays = customer.isPresent() ? 0 : config.getTrialDays();
        SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
                .putMetadata(StripeObjects.USER_METADATA_KEY, userId);
        if (trialDays > 0) subscription.setTrialPeriodDays((long) trialDays);
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.id()).setQuantity(1L).build())
                .setClientReferenceId(userId)
                .setSuccessUrl(withQuery(returnUrl, "billing=success&session_id={CHECKOUT_SESSION_ID}"))
                .setCancelUrl(withQuery(returnUrl, "billing=canceled"))
                .setSubscriptionData(subscription.build());
        customer.ifPresent(params::setCustomer);
        String key = idempotencyKey("checkout", userId, plan, body.interval(), requestKey);
        return new SessionLink(stripe.checkoutSession(params.build(), key));
    }

    /**
     * A Customer Portal session for the trader's Stripe customer.
     *
     * @throws NoBillingCustomerException 409: no customer yet (no Checkout completed)
     */
    public SessionLink portal(String userId, String clientKey, String requestId) {
        String key = requestKey(clientKey, requestId);
        String customer = customerOf(userId, store.account(userId)).orElseThrow(NoBillingCustomerException::new);
        String returnUrl = requireReturnUrl();
        requireStripe();
        return new SessionLink(stripe.portalSession(com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customer).setReturnUrl(withQuery(returnUrl, "billing=portal")).build(),
                idempotencyKey("portal", userId, customer, key)));
    }

    /** The days of trial a first Checkout of this trader would grant: none once they have a Stripe customer. */
    int trialDays(String userId) {
        return store.customersOfUser(userId).isEmpty() ? Math.max(0, config.getTrialDays()) : 0;
    }

    private void validate(CheckoutRequest body) {
        List<Violation> violations = new ArrayList<>();
        Set<String> names = new TreeSet<>(tiers.names());
        if (body.plan() == null || body.plan().isBlank()) {
            violations.add(new Violation("plan", "is required"));
        } else if (!names.contains(body.plan())) {
            violations.add(new Violation("plan", "must be one of " + String.join(", ", names)));
        }
        if (body.interval() == null || body.interval().isBlank()) {
            violations.add(new Violation("interval", "is required"));
        } else if (!CheckoutPrices.INTERVALS.contains(body.interval())) {
            violations.add(new Violation("interval", "must be month or year"));
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
    }

    /** The customer of the trader's subscription, else the one their first Checkout created. */
    private Optional<String> customerOf(String userId, Optional<BillingAccountItem> billing) {
        Optional<String> subscribed = billing.map(BillingAccountItem::customerId);
        if (subscribed.isPresent()) return subscribed;
        return store.customersOfUser(userId).stream().sorted().findFirst();
    }

    private List<String> tiersByPrice() {
        return tiers.names().stream()
                .sorted(Comparator.comparingInt(catalog::rank).thenComparing(Comparator.naturalOrder())).toList();
    }

    private void requireStripe() {
        if (!stripe.configured()) throw new BillingNotConfiguredException("the Stripe API key");
    }

    private String requireReturnUrl() {
        if (config.getReturnUrl() == null) throw new BillingNotConfiguredException("the dashboard return URL");
        return config.getReturnUrl();
    }

    private static String requestKey(String clientKey, String requestId) {
        if (clientKey == null) return "request:" + requestId;
        if (!REQUEST_KEY.matcher(clientKey).matches()) {
            throw InvalidInputException.of("Idempotency-Key", "must be 8 to 200 letters, digits, '.', '_', ':' or '-'");
        }
        return "client:" + clientKey;
    }

    private static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    /** Stripe keeps a key 24 hours: the same trader, purpose, details and request key name the same session. */
    static String idempotencyKey(String purpose, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "nija-" + purpose + "-" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
