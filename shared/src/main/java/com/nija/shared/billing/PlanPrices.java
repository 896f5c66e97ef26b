package com.nija.shared.billing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stripe price of each {@link CheckoutPrices.Offer}, read from Stripe's Prices API and kept for
 * {@code nija.billing.price-cache-ttl}. Amounts come from Stripe rather than configuration so the plans page shows
 * exactly what Checkout charges, and a price change in Stripe needs no deploy. When a re-read fails, the prices read
 * before stay in use (and the next request tries again); only a function that never read them answers 503.
 * An offer whose price is missing, inactive or bills another interval is left out with a warning, not sold.
 */
@Singleton
public class PlanPrices {
    private static final Logger LOG = LoggerFactory.getLogger(PlanPrices.class);

    /** The prices of the offers, and when they were read. */
    public record Snapshot(Map<CheckoutPrices.Offer, StripeApi.StripePrice> prices, Instant readAt) {
        public Optional<StripeApi.StripePrice> of(CheckoutPrices.Offer offer) {
            return Optional.ofNullable(prices.get(offer));
        }
    }

    private final CheckoutPrices offers;
    private final StripeApi stripe;
    private final BillingConfig config;
    private final Clock clock;
    private volatile Snapshot cached;

    public PlanPrices(CheckoutPrices offers, StripeApi stripe, BillingConfig config, Clock clock) {
        this.offers = offers;
        this.stripe = stripe;
        this.config = config;
        this.clock = clock;
    }

    /** The current prices: cached while fresh, else read again; the old ones when the re-read fails. */
    public Snapshot current() {
        Snapshot seen = cached;
        if (seen != null && fresh(seen)) return seen;
        synchronized (this) {
            if (cached != null && fresh(cached)) return cached;
            try {
                cached = read();
            } catch (BillingUnavailableException failed) {
                if (cached == null) throw failed;
                LOG.warn("could not re-read prices from Stripe; showing those read at {}", cached.readAt());
            }
            return cached;
        }
    }

    private boolean fresh(Snapshot s) {
        return s.readAt().plus(config.getPriceCacheTtl()).isAfter(clock.instant());
    }

    private Snapshot read() {
        Instant at = clock.instant();
        List<String> lookupKeys = new ArrayList<>();
        Map<String, StripeApi.StripePrice> byKey = new HashMap<>();
        for (CheckoutPrices.Offer offer : offers.all()) {
            if (offer.byId()) byKey.putIfAbsent(offer.key(), stripe.price(offer.key()));
            else if (!lookupKeys.contains(offer.key())) lookupKeys.add(offer.key());
        }
        for (StripeApi.StripePrice p : stripe.pricesByLookupKey(lookupKeys)) {
            if (p.lookupKey() != null) byKey.put(p.lookupKey(), p);
        }
        Map<CheckoutPrices.Offer, StripeApi.StripePrice> prices = new LinkedHashMap<>();
        for (CheckoutPrices.Offer offer : offers.all()) {
            StripeApi.StripePrice p = byKey.get(offer.key());
            if (p == null || !p.active() || p.unitAmount() == null || !offer.interval().equals(p.interval())) {
                LOG.warn("{} {} is not offered: Stripe has no active {} price {} with an amount", offer.tier(),
                        offer.interval(), offer.interval() + "ly", offer.key());
            } else {
                prices.put(offer, p);
            }
        }
        return new Snapshot(Map.copyOf(prices), at);
    }
}
