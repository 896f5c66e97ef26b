package com.nija.shared.signals;

import com.nija.shared.problem.DomainException;

/** A signal older than its max lag: acting on it now would trade on an old price. */
public class StaleSignalException extends DomainException {
    public StaleSignalException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "stale-signal";
    }
}
