package com.nija.shared.billing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.account.TierLimits;
import com.nija.shared.json.Json;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Which tier a Stripe price buys: configuration, not code. Keys are Stripe price ids ({@code price_…}) or price
 * lookup keys ({@code nija_pro_monthly}); lookup keys are the same in test and live mode, so the shipped default
 * ({@code nija/stripe-prices.json}) maps them. {@code NIJA_STRIPE_PRICES_JSON} (or {@code nija.billing.prices-json})
 * replaces the whole mapping. Tiers are ranked by their monthly price in {@link TierCatalog}: that is what makes a
 * change an upgrade or a downgrade.
 */
@Singleton
public class StripePriceCatalog {
    private final Map<String, String> tierByPrice;
    private final TierCatalog tiers;

    public StripePriceCatalog(BillingConfig config, TierCatalog tiers) {
        this(firstNonBlank(config.getPricesJson(), System.getenv("NIJA_STRIPE_PRICES_JSON")), tiers);
    }

    StripePriceCatalog(String overrideJson, TierCatalog tiers) {
        this.tiers = tiers;
        try {
            TypeReference<Map<String, String>> type = new TypeReference<>() {};
            if (overrideJson != null) {
                tierByPrice = Map.copyOf(Json.MAPPER.readValue(overrideJson, type));
            } else {
                try (InputStream in = StripePriceCatalog.class.getResourceAsStream("/nija/stripe-prices.json")) {
                    tierByPrice = Map.copyOf(Json.MAPPER.readValue(in, type));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Stripe price mapping is unreadable", e);
        }
    }

    /** The tier a price buys, by price id first, then lookup key; empty for a price we don't sell. */
    public Optional<String> tierOf(String priceId, String lookupKey) {
        String tier = priceId == null ? null : tierByPrice.get(priceId);
        if (tier == null && lookupKey != null) tier = tierByPrice.get(lookupKey);
        return Optional.ofNullable(tier);
    }

    /** Orders tiers by monthly list price: free 0 < basic < pro < enterprise. */
    public int rank(String tier) {
        if (tier == null) return 0;
        BigDecimal price = tiers.limits(tier).monthlyPrice();
        return price == null ? 0 : price.movePointRight(2).intValue();
    }

    public TierLimits limits(String tier) {
        return tiers.limits(tier);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a;
        return b == null || b.isBlank() ? null : b;
    }
}
