package com.nija.shared.problem;

/** A request body past the route's size limit (HTTP 413); nothing of it was read or written. */
public class PayloadTooLargeException extends DomainException {
    public PayloadTooLargeException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "payload-too-large";
    }
}
