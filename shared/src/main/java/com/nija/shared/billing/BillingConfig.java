package com.nija.shared.billing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Billing settings ({@code nija.billing.*}). The webhook signing secret comes from the environment the CDK app or the
 * local platform sets ({@code NIJA_STRIPE_WEBHOOK_SECRET}, see application.properties); it is never logged, and
 * {@link #toString()} leaves it out.
 */
@ConfigurationProperties("nija.billing")
public class BillingConfig {
    /** Stripe's webhook signing secret ({@code whsec_…}); without it every webhook is answered 503. */
    @Nullable private String stripeWebhookSecret;
    /** How old a {@code Stripe-Signature} timestamp may be; Stripe's own libraries default to 300 s. */
    private long signatureToleranceSeconds = 300;
    /** How long a past_due subscription keeps trading before new orders stop. */
    private Duration pastDueGrace = Duration.ofDays(3);
    /** Replaces the price → tier mapping of {@code nija/stripe-prices.json} (JSON object), e.g. per Stripe account. */
    @Nullable private String pricesJson;
    /** How long event ids are remembered for de-duplication (Stripe retries for up to 3 days). */
    private Duration eventRetention = Duration.ofDays(400);
    /**
     * How long a delivery's claim on an event holds before another delivery may take it over (the first one crashed).
     * Longer than the webhook function's timeout, so a live delivery never loses its claim.
     */
    private Duration eventClaimLease = Duration.ofSeconds(60);

    @Nullable public String getStripeWebhookSecret() { return stripeWebhookSecret; }
    public void setStripeWebhookSecret(@Nullable String v) { stripeWebhookSecret = v == null || v.isBlank() ? null : v.trim(); }
    public long getSignatureToleranceSeconds() { return signatureToleranceSeconds; }
    public void setSignatureToleranceSeconds(long v) { signatureToleranceSeconds = v; }
    public Duration getPastDueGrace() { return pastDueGrace; }
    public void setPastDueGrace(Duration v) { pastDueGrace = v; }
    @Nullable public String getPricesJson() { return pricesJson; }
    public void setPricesJson(@Nullable String v) { pricesJson = v == null || v.isBlank() ? null : v; }
    public Duration getEventRetention() { return eventRetention; }
    public void setEventRetention(Duration v) { eventRetention = v; }
    public Duration getEventClaimLease() { return eventClaimLease; }
    public void setEventClaimLease(Duration v) { eventClaimLease = v; }

    @Override
    public String toString() {
        return "BillingConfig{stripeWebhookSecret=" + (stripeWebhookSecret == null ? "unset" : "set")
                + ", signatureToleranceSeconds=" + signatureToleranceSeconds + ", pastDueGrace=" + pastDueGrace
                + ", pricesJson=" + (pricesJson == null ? "default" : "override") + "}";
    }
}
