package com.nija.shared.billing;

import com.nija.shared.problem.ConflictException;

/**
 * Checkout refused: the plan is the free one, or the trader already has a subscription (the same plan, or another one
 * that the Customer Portal changes without a second subscription). Answered 409 {@code plan-conflict}.
 */
public class PlanConflictException extends ConflictException {
    public PlanConflictException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "plan-conflict";
    }
}
