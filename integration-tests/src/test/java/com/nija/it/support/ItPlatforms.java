package com.nija.it.support;

import java.util.HashMap;
import java.util.Map;

/** What every in-process platform of the integration tests runs with, beside each test's own overrides. */
public final class ItPlatforms {
    private ItPlatforms() {}

    /** The one tier whose real API limit the platform keeps (30 calls a minute): {@code AuthIT}'s 429 over HTTP. */
    public static final String LIMITED_TIER = "basic";

    /**
     * {@code overrides} plus no per-tier API limit but {@link #LIMITED_TIER}'s: fresh (free-tier) traders poll routes
     * every 100 ms while waiting for queues. Every tier's limit is tested over the handlers ({@code TraderApiLimitTest}).
     * Alpaca's sandbox is the module's {@link AlpacaStandIn} (no internet here), so a test can take a trader live on
     * the shared platform.
     */
    static Map<String, Object> options(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(Map.of("nija.api.rate-limit-per-minute-override", 1_000_000,
                "nija.api.rate-limit-override-tiers", "free,pro,enterprise",
                "nija.broker.alpaca.sandbox.base-url", AlpacaStandIn.shared().baseUrl()));
        all.putAll(overrides);
        return all;
    }
}
