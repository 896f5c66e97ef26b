package com.nija.shared.billing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.json.Json;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Checkout sells: per paid tier and interval ({@code month}, {@code year}) the Stripe price, named by its id
 * ({@code price_…}) or its lookup key ({@code nija_pro_yearly}, the same in test and live mode). Shipped in
 * {@code nija/stripe-checkout-prices.json}, replaced by {@code nija.billing.checkout-prices-json}. Each price must be
 * one {@link StripePriceCatalog} maps to the same tier, or a purchase would be applied by the webhook as something
 * else: a configuration that breaks this fails at start, not at a trader's checkout.
 */
@Singleton
public class CheckoutPrices {
    public static final Set<String> INTERVALS = Set.of("month", "year");

    /** One thing Checkout sells: a tier for an interval, at the Stripe price {@code key}. */
    public record Offer(String tier, String interval, String key) {
        /** Whether {@code key} names the price by id (looked up one by one) rather than by lookup key. */
        public boolean byId() {
            return key.startsWith("price_");
        }
    }

    private final Map<String, Map<String, Offer>> byTier;

    public CheckoutPrices(BillingConfig config, StripePriceCatalog catalog, TierCatalog tiers) {
        this(read(config.getCheckoutPricesJson()), catalog, tiers);
    }

    CheckoutPrices(Map<String, Map<String, String>> configured, StripePriceCatalog catalog, TierCatalog tiers) {
        Map<String, Map<String, Offer>> offers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        configured.forEach((tier, byInterval) -> {
            if (!tiers.names().contains(tier) || TierCatalog.DEFAULT_TIER.equals(tier)) {
                problems.add(tier + ": not a paid tier of nija/tiers.json");
                return;
            }
            byInterval.forEach((interval, key) -> {
                if (!INTERVALS.contains(interval)) {
                    problems.add(tier + "." + interval + ": the interval must be month or year");
                } else if (key == null || key.isBlank()) {
                    problems.add(tier + "." + interval + ": no price");
                } else if (!catalog.tierOf(key, key).map(tier::equals).orElse(false)) {
                    problems.add(tier + "." + interval + ": price " + key + " is not mapped to " + tier
                            + " in the Stripe price mapping, so the webhook would not grant it");
                } else {
                    offers.computeIfAbsent(tier, t -> new LinkedHashMap<>()).put(interval, new Offer(tier, interval, key));
                }
            });
        });
        if (!problems.isEmpty()) throw new IllegalStateException("checkout prices are misconfigured: " + problems);
        this.byTier = offers;
    }

    public Optional<Offer> offer(String tier, String interval) {
        return Optional.ofNullable(byTier.getOrDefault(tier, Map.of()).get(interval));
    }

    public List<Offer> all() {
        return byTier.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    private static Map<String, Map<String, String>> read(String overrideJson) {
        TypeReference<Map<String, Map<String, String>>> type = new TypeReference<>() {};
        try {
            if (overrideJson != null) return Json.MAPPER.readValue(overrideJson, type);
            try (InputStream in = CheckoutPrices.class.getResourceAsStream("/nija/stripe-checkout-prices.json")) {
                return Json.MAPPER.readValue(in, type);
            }
        } catch (IOException e) {
            throw new IllegalStateException("checkout prices are unreadable", e);
        }
    }
}
