package com.nija.shared.billing;

import com.nija.shared.problem.DomainException;

/**
 * Stripe did not do what billing asked (unreachable, an error of its own, or it refused our key): nothing was bought
 * or changed. Answered 503 {@code billing-unavailable}; the message never holds a key or Stripe's own text.
 */
public class BillingUnavailableException extends DomainException {
    public BillingUnavailableException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "billing-unavailable";
    }
}
