package com.nija.shared.problem;

/** Absent, or not the caller's: both look the same from outside so ids of other traders leak nothing. */
public class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "not-found";
    }
}
