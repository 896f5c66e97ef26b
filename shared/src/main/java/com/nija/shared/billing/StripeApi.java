package com.nija.shared.billing;

import com.nija.shared.config.Secret;
import com.nija.shared.config.SecretResolver;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.net.BearerTokenAuthenticator;
import com.stripe.net.RequestOptions;
import com.stripe.param.PriceListParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.nija.shared.problem.ConflictException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls self-service billing makes to Stripe, through stripe-java: prices (list by lookup key, retrieve by id),
 * Checkout Sessions and Customer Portal sessions. The API key is read from its {@link Secret} on each call (so a
 * rotated key is picked up within the secret TTL, and none is read during init); the API base is configurable so
 * tests run against WireMock. Every session is created with the caller's idempotency key, so a retried request gets
 * the session its first attempt created. Stripe's failures become {@link BillingUnavailableException} with Stripe's
 * request id and error code, never Stripe's message (it may quote part of a key).
 */
@Singleton
public class StripeApi {
    private static final Logger LOG = LoggerFactory.getLogger(StripeApi.class);
    private static final String KEY_ARN = "NIJA_STRIPE_API_KEY_ARN";
    /** Stripe's {@code lookup_keys} filter takes at most 10 keys a call. */
    static final int LOOKUP_KEYS_PER_CALL = 10;

    private final Secret apiKey;
    private final StripeClient client;

    public StripeApi(BillingConfig config, SecretResolver secrets) {
        this.apiKey = secrets.secret(config.getStripeApiKey(), KEY_ARN);
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setAuthenticator(request -> new BearerTokenAuthenticator(currentKey()).authenticate(request))
                .setConnectTimeout((int) config.getStripeTimeout().toMillis())
                .setReadTimeout((int) config.getStripeTimeout().toMillis())
                // stripe-java retries network failures and 409/5xx answers with the same idempotency key.
                .setMaxNetworkRetries(1);
        if (config.getStripeApiBase() != null) builder.setApiBase(config.getStripeApiBase());
        this.client = builder.build();
    }

    /** Whether an API key is configured (a value or a Secrets Manager secret), without reading it. */
    public boolean configured() {
        return apiKey.isSet();
    }

    /** A recurring price as billing shows and sells it; {@code unitAmount} in minor units of {@code currency}. */
    public record StripePrice(String id, String lookupKey, Long unitAmount, String currency, String interval,
                              boolean active) {}

    /** The active prices with these lookup keys ({@code GET /v1/prices?lookup_keys[]=…}), ten keys a call. */
    public List<StripePrice> pricesByLookupKey(List<String> lookupKeys) {
        List<StripePrice> out = new ArrayList<>();
        for (int from = 0; from < lookupKeys.size(); from += LOOKUP_KEYS_PER_CALL) {
            PriceListParams params = PriceListParams.builder().setActive(true).setLimit(100L)
                    .addAllLookupKey(lookupKeys.subList(from, Math.min(lookupKeys.size(), from + LOOKUP_KEYS_PER_CALL)))
                    .build();
            call("list prices", () -> {
                client.v1().prices().list(params).getData().forEach(p -> out.add(of(p)));
                return null;
            });
        }
        return out;
    }

    /** One price by id ({@code GET /v1/prices/{id}}). */
    public StripePrice price(String id) {
        return call("retrieve price", () -> of(client.v1().prices().retrieve(id)));
    }

    /** A Checkout Session ({@code POST /v1/checkout/sessions}); its URL. */
    public String checkoutSession(SessionCreateParams params, String idempotencyKey) {
        return call("create checkout session",
                () -> client.v1().checkout().sessions().create(params, idempotent(idempotencyKey)).getUrl());
    }

    /** A Customer Portal session ({@code POST /v1/billing_portal/sessions}); its URL. */
    public String portalSession(com.stripe.param.billingportal.SessionCreateParams params, String idempotencyKey) {
        return call("create portal session",
                () -> client.v1().billingPortal().sessions().create(params, idempotent(idempotencyKey)).getUrl());
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private String currentKey() {
        String key = apiKey.value();
        if (key == null) throw new BillingNotConfiguredException("the Stripe API key");
        return key;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws StripeException;
    }

    private <T> T call(String what, Call<T> call) {
        if (!configured()) throw new BillingNotConfiguredException("the Stripe API key");
        try {
            return call.run();
        } catch (IdempotencyException reused) {
            // The same request key was first used with other parameters (the trader's billing changed in between).
            throw new ConflictException("this request was already made with other details; start again");
        } catch (AuthenticationException refused) {
            LOG.error("Stripe refused the API key on {} (request {}): set the Stripe API key secret", what,
                    refused.getRequestId());
            throw new BillingUnavailableException("billing cannot reach Stripe right now; nothing was changed");
        } catch (StripeException failed) {
            LOG.error("Stripe failed to {}: {} status {} code {} request {}", what, failed.getClass().getSimpleName(),
                    failed.getStatusCode(), failed.getCode(), failed.getRequestId());
            throw new BillingUnavailableException("billing cannot reach Stripe right now; nothing was changed");
        }
    }

    private static StripePrice of(Price p) {
        return new StripePrice(p.getId(), p.getLookupKey(), p.getUnitAmount(), p.getCurrency(),
                p.getRecurring() == null ? null : p.getRecurring().getInterval(), Boolean.TRUE.equals(p.getActive()));
    }
}
