package com.nija.cdk.api;

import com.nija.functions.routes.Route;

/**
 * API Gateway throttling per kind of route (steady requests/second and burst, prod figures; dev takes a tenth). The
 * per-trader limits of the tiers (API calls/minute, orders/minute) are enforced in the functions; these are the
 * region-wide ceilings that keep one kind of traffic from starving the others.
 */
public enum RouteGroup {
    /** {@code /health}: Route 53 health checkers and load probes. */
    HEALTH(50, 100),
    /**
     * {@code POST /api/v1/signals}: its own bucket, so a flood of forged signals is refused at the gateway without
     * touching the price feed, webhooks or traders' routes (each route key has its own limit; none shares the stage's).
     */
    SIGNALS(100, 200),
    /** Other unauthenticated writes that carry their own signature: price feed, webhooks. */
    INGEST(200, 400),
    /** Traders' reads: positions, trades, dashboard (blueprint: > 100 req/s per instance, 3–10 instances). */
    TRADER_READ(500, 1000),
    /** Traders' writes: settings, pause/resume, manual close. */
    TRADER_WRITE(100, 200),
    /** Finance and admin staff. */
    STAFF(10, 20);

    /** Ceiling for the whole stage (the default route settings); every group's limit is within it. */
    public static final int STAGE_RATE = 1000;
    public static final int STAGE_BURST = 2000;
    static final String SIGNALS_PATH = "/api/v1/signals";

    private final int rate;
    private final int burst;

    RouteGroup(int rate, int burst) {
        this.rate = rate;
        this.burst = burst;
    }

    public static RouteGroup of(Route route) {
        if (route.path().equals("/health")) return HEALTH;
        if (route.path().equals(SIGNALS_PATH)) return SIGNALS;
        return switch (route.access()) {
            case PUBLIC -> INGEST;
            case TRADER -> route.method().equals("GET") || route.method().equals("HEAD") ? TRADER_READ : TRADER_WRITE;
            case FINANCE, ADMIN -> STAFF;
        };
    }

    public int rate(double scale) {
        return Math.max(1, (int) Math.round(rate * scale));
    }

    public int burst(double scale) {
        return Math.max(1, (int) Math.round(burst * scale));
    }
}
