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

    // --- self-service billing (Checkout, Customer Portal, plans) ---
    /** Stripe's secret API key ({@code sk_…} or a restricted {@code rk_…}); in AWS from Secrets Manager instead. */
    @Nullable private String stripeApiKey;
    /** Where Stripe's API is: Stripe's own unless set (tests and a local stand-in point it at WireMock). */
    @Nullable private String stripeApiBase;
    /** The dashboard page Checkout and the portal send the trader back to; without it those routes answer 503. */
    @Nullable private String returnUrl;
    /** Replaces what Checkout sells ({@code nija/stripe-checkout-prices.json}): tier → interval → price id or lookup key. */
    @Nullable private String checkoutPricesJson;
    /** Trial days a trader's first Checkout grants (NIJA's 14-day trial); 0 grants none. */
    private int trialDays = 14;
    /** How long prices read from Stripe are shown before they are read again (a failed re-read keeps the old ones). */
    private Duration priceCacheTtl = Duration.ofMinutes(15);
    /** Connect and read timeout of each call to Stripe: well inside the route's 10 s. */
    private Duration stripeTimeout = Duration.ofSeconds(3);

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

    @Nullable public String getStripeApiKey() { return stripeApiKey; }
    public void setStripeApiKey(@Nullable String v) { stripeApiKey = v == null || v.isBlank() ? null : v.trim(); }
    @Nullable public String getStripeApiBase() { return stripeApiBase; }
    public void setStripeApiBase(@Nullable String v) { stripeApiBase = v == null || v.isBlank() ? null : v.trim(); }
    @Nullable public String getReturnUrl() { return returnUrl; }
    public void setReturnUrl(@Nullable String v) { returnUrl = v == null || v.isBlank() ? null : v.trim(); }
    @Nullable public String getCheckoutPricesJson() { return checkoutPricesJson; }
    public void setCheckoutPricesJson(@Nullable String v) { checkoutPricesJson = v == null || v.isBlank() ? null : v; }
    public int getTrialDays() { return trialDays; }
    public void setTrialDays(int v) { trialDays = v; }
    public Duration getPriceCacheTtl() { return priceCacheTtl; }
    public void setPriceCacheTtl(Duration v) { priceCacheTtl = v; }
    public Duration getStripeTimeout() { return stripeTimeout; }
    public void setStripeTimeout(Duration v) { stripeTimeout = v; }

    @Override
    public String toString() {
        return "BillingConfig{stripeWebhookSecret=" + (stripeWebhookSecret == null ? "unset" : "set")
                + ", signatureToleranceSeconds=" + signatureToleranceSeconds + ", pastDueGrace=" + pastDueGrace
                + ", pricesJson=" + (pricesJson == null ? "default" : "override")
                + ", stripeApiKey=" + (stripeApiKey == null ? "unset" : "set") + ", stripeApiBase=" + stripeApiBase
                + ", returnUrl=" + returnUrl + ", trialDays=" + trialDays + "}";
    }
}
