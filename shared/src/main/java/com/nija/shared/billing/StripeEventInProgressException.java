package com.nija.shared.billing;

import com.nija.shared.problem.DomainException;

/**
 * Another delivery of the same Stripe event is applying it right now: answered 409 so Stripe delivers it again later,
 * when it will be answered as a duplicate with that delivery's outcome. Nothing is written.
 */
public class StripeEventInProgressException extends DomainException {
    public StripeEventInProgressException(String eventId) {
        super("event " + eventId + " is being applied by another delivery; retry later");
    }

    @Override
    public String problemType() {
        return "event-in-progress";
    }
}
