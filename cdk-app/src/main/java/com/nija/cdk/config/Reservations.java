package com.nija.cdk.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reserved concurrency of the functions the blueprint caps (queue workers, price ingest, Stripe, staff routes), as
 * ops choose it: context {@code reservedConcurrency} is {@code on} (the sizes of {@code FunctionProfiles}), {@code off}
 * (no reservation at all: the functions share the account's pool), or {@code function=n,…} overrides on top of
 * those sizes ({@code order-executor=30}; {@code n = none} drops a reservation). Default: on in prod, off in dev.
 *
 * <p>Lambda keeps {@value #UNRESERVED_MINIMUM} concurrent executions of a region unreserved, so a region's
 * reservations need an account limit (service quota {@code L-B99A9384}) of at least their sum + 100; a fresh
 * account's limit is often lower and the functions then fail to create. Context {@code lambdaConcurrencyLimit} is
 * that limit (default {@value #DEFAULT_ACCOUNT_LIMIT}, AWS's usual default): synth refuses reservations that do not fit
 * in it, and {@code cdk-app/scripts/check-lambda-concurrency.sh} checks the real limit of each region before deploy.
 */
public record Reservations(boolean enabled, Map<String, Optional<Integer>> overrides, int accountLimit) {
    /** Lambda refuses a reservation that leaves fewer unreserved executions than this (AWS: "at least 100"). */
    public static final int UNRESERVED_MINIMUM = 100;
    public static final int DEFAULT_ACCOUNT_LIMIT = 1000;

    public Reservations {
        overrides = Map.copyOf(overrides);
        if (accountLimit < 1) throw new IllegalArgumentException("lambdaConcurrencyLimit must be positive");
    }

    static Reservations parse(Optional<String> raw, Optional<String> limit, Stage stage) {
        int accountLimit = limit.map(v -> integer("lambdaConcurrencyLimit", v)).orElse(DEFAULT_ACCOUNT_LIMIT);
        String value = raw.orElse(stage.isProd() ? "on" : "off").trim();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> { return new Reservations(true, Map.of(), accountLimit); }
            case "off", "false", "no" -> { return new Reservations(false, Map.of(), accountLimit); }
            default -> { }
        }
        Map<String, Optional<Integer>> overrides = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String[] kv = entry.trim().split("=", 2);
            if (kv.length != 2 || !kv[0].trim().matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("reservedConcurrency: '" + entry
                        + "' is not function=n (order-executor=30), function=none, on or off");
            }
            String n = kv[1].trim();
            overrides.put(kv[0].trim(), n.equalsIgnoreCase("none") ? Optional.empty()
                    : Optional.of(integer("reservedConcurrency " + kv[0].trim(), n)));
        }
        return new Reservations(true, overrides, accountLimit);
    }

    private static int integer(String what, String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + v + "' is not a positive whole number", e);
        }
    }

    /** The reservation {@code function} gets: none when off, else the override or the profile's size. */
    public Optional<Integer> of(String function, Optional<Integer> sized) {
        if (!enabled) return Optional.empty();
        return overrides.getOrDefault(function, sized);
    }

    /** Refuses a region whose reservations leave Lambda fewer than 100 unreserved executions under the limit. */
    public void requireWithinLimit(String region, int reserved) {
        if (reserved + UNRESERVED_MINIMUM > accountLimit) {
            throw new IllegalArgumentException(String.format("%s: the functions reserve %d concurrent executions; "
                    + "Lambda keeps %d unreserved, so the account needs a limit of at least %d there, but "
                    + "lambdaConcurrencyLimit is %d. Check the real limit with cdk-app/scripts/check-lambda-concurrency.sh "
                    + "and raise quota L-B99A9384, or lower the reservations (-c reservedConcurrency=…)",
                    region, reserved, UNRESERVED_MINIMUM, reserved + UNRESERVED_MINIMUM, accountLimit));
        }
    }
}
