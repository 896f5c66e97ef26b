package com.nija.shared.billing;

import com.nija.shared.problem.ConflictException;

/** The Customer Portal needs a Stripe customer, and the trader has none until a first Checkout completes: 409. */
public class NoBillingCustomerException extends ConflictException {
    public NoBillingCustomerException() {
        super("you have no billing account yet: choose a plan first (POST /api/v1/billing/checkout)");
    }

    @Override
    public String problemType() {
        return "no-billing-customer";
    }
}
