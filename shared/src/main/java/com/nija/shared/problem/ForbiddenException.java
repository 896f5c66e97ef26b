package com.nija.shared.problem;

/** Authenticated, but not allowed to do this (e.g. not in the admin group). */
public class ForbiddenException extends DomainException {
    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "forbidden";
    }
}
