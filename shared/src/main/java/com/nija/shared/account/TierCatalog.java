package com.nija.shared.account;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nija.shared.json.Json;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Tiers and their limits: configuration, not code. Defaults from NIJA's pricing page ship in
 * {@code nija/tiers.json}; {@code NIJA_TIERS_JSON} replaces them without a release.
 */
@Singleton
public class TierCatalog {
    public static final String DEFAULT_TIER = "free";

    private final Map<String, TierLimits> tiers;

    public TierCatalog() {
        this(System.getenv("NIJA_TIERS_JSON"));
    }

    TierCatalog(String overrideJson) {
        try {
            TypeReference<Map<String, TierLimits>> type = new TypeReference<>() {};
            if (overrideJson != null && !overrideJson.isBlank()) {
                tiers = Map.copyOf(Json.MAPPER.readValue(overrideJson, type));
            } else {
                try (InputStream in = TierCatalog.class.getResourceAsStream("/nija/tiers.json")) {
                    tiers = Map.copyOf(Json.MAPPER.readValue(in, type));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("tier configuration is unreadable", e);
        }
        if (!tiers.containsKey(DEFAULT_TIER)) throw new IllegalStateException("tier configuration lacks " + DEFAULT_TIER);
    }

    /** Every configured tier's name. */
    public java.util.Set<String> names() {
        return tiers.keySet();
    }

    /** Limits of a tier; an unknown tier name gets the free tier's, never more. */
    public TierLimits limits(String tier) {
        return tiers.getOrDefault(tier, tiers.get(DEFAULT_TIER));
    }
}
