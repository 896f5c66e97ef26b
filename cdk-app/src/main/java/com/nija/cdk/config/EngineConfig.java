package com.nija.cdk.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * The engine region (README "Regions"): the one region that accepts trading writes; every other region's trading
 * routes forward to its API. Context {@code engineRegion} (default: the primary) and {@code engineApiUrl} (the engine
 * region's {@code ApiUrl} output; needed when the engine is not the primary, whose URL the other stacks get by
 * cross-region reference). Moving the engine is the runbook's demote → drain → promote, one deploy per step.
 */
public record EngineConfig(String region, Optional<String> apiUrl) {
    public static final String REGION_ENV = "NIJA_ENGINE_REGION";
    public static final String API_URL_ENV = "NIJA_ENGINE_API_URL";

    public static EngineConfig from(Function<String, Object> context, AppConfig app) {
        String region = text(context.apply("engineRegion")).orElse(app.primary().region());
        AppConfig.RegionSpec spec = app.regions().stream().filter(r -> r.region().equals(region)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("engineRegion: " + region
                        + " is not one of the regions " + app.regions()));
        if (!spec.role().runsEngine()) {
            throw new IllegalArgumentException("engineRegion: " + region + " is " + spec.role().label()
                    + " (no queues or workers); choose a primary or full region");
        }
        Optional<String> url = text(context.apply("engineApiUrl"));
        url.ifPresent(u -> {
            if (!u.matches("https://[^\\s/]+(/[^\\s]*)?")) {
                throw new IllegalArgumentException("engineApiUrl: '" + u + "' is not an https URL");
            }
        });
        if (url.isEmpty() && !region.equals(app.primary().region())) {
            throw new IllegalArgumentException("engineApiUrl: the engine region " + region + " is not the primary; "
                    + "give its API URL (the ApiUrl output of its stack) so the other regions can forward to it");
        }
        return new EngineConfig(region, url);
    }

    private static Optional<String> text(Object v) {
        return v == null || String.valueOf(v).isBlank() ? Optional.empty() : Optional.of(String.valueOf(v).trim());
    }
}
