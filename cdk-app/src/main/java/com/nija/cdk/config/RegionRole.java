package com.nija.cdk.config;

import java.util.Locale;

/** What a region runs (blueprint "Multi-Region Deployment"). */
public enum RegionRole {
    /** Full stack, and owner of what exists once: the global table, the Cognito user pool. */
    PRIMARY,
    /** Full stack: API, trading engine (queues + workers), cache; a replica of the global table. */
    FULL,
    /** API only: HTTP API and its functions on a table replica, no cache, no queues (blueprint: EU-West). */
    API;

    /** Queues, workers, cache and VPC live here. */
    public boolean runsEngine() {
        return this != API;
    }

    public static RegionRole parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "primary" -> PRIMARY;
            case "full", "secondary" -> FULL;
            case "api", "api-only", "apionly" -> API;
            default -> throw new IllegalArgumentException(
                    "unknown region role '" + value + "': use primary, full or api");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
