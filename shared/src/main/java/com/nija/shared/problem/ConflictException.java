package com.nija.shared.problem;

/** The request clashes with the current state (e.g. closing a position that is already closed). */
public class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "conflict";
    }
}
