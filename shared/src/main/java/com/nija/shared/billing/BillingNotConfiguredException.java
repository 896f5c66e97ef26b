package com.nija.shared.billing;

import com.nija.shared.problem.DomainException;

/**
 * Self-service billing lacks what it needs on this server (Stripe's API key or the dashboard's return URL): a fault of
 * the deployment, not of the trader. Answered 503 {@code billing-not-configured}; the local platform answers this
 * unless it is started with a Stripe stand-in.
 */
public class BillingNotConfiguredException extends DomainException {
    public BillingNotConfiguredException(String missing) {
        super("billing is not configured on this server: " + missing + " is not set");
    }

    @Override
    public String problemType() {
        return "billing-not-configured";
    }
}
