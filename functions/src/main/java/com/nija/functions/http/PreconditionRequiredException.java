package com.nija.functions.http;

import com.nija.shared.problem.DomainException;

/** A write that must name the version it replaces (If-Match) did not. */
public class PreconditionRequiredException extends DomainException {
    public PreconditionRequiredException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "precondition-required";
    }
}
