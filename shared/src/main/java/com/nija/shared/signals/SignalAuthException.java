package com.nija.shared.signals;

import com.nija.shared.problem.DomainException;

/** The sender could not be authenticated. Deliberately vague: which part failed is not told. */
public class SignalAuthException extends DomainException {
    public SignalAuthException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "unauthorized";
    }
}
