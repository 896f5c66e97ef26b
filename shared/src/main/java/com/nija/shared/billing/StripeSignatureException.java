package com.nija.shared.billing;

import com.nija.shared.problem.DomainException;

/** A webhook whose {@code Stripe-Signature} is missing, wrong or too old: refused with 400, nothing written. */
public class StripeSignatureException extends DomainException {
    public StripeSignatureException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-signature";
    }
}
