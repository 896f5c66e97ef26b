package com.nija.functions.routes;

import java.util.Set;

/** Who may call a route: what the JWT authorizer (API Gateway, or the local gateway) must see before invoking it. */
public enum Access {
    /** No token needed (health checks, webhooks and signal intake that carry their own signature). */
    PUBLIC(Set.of()),
    /** Any trader with a valid token; identity is the token's {@code sub}. */
    TRADER(Set.of()),
    /** Finance staff: the token's {@code cognito:groups} must hold {@code finance} or {@code admin}. */
    FINANCE(Set.of("finance", "admin")),
    /** Operators: the token's {@code cognito:groups} must hold {@code admin}. */
    ADMIN(Set.of("admin"));

    private final Set<String> anyOfGroups;

    Access(Set<String> anyOfGroups) {
        this.anyOfGroups = anyOfGroups;
    }

    public boolean needsToken() {
        return this != PUBLIC;
    }

    /** Groups of which the caller must hold at least one; empty means any authenticated caller. */
    public Set<String> anyOfGroups() {
        return anyOfGroups;
    }
}
