package com.nija.shared.problem;

/** The caller's token does not name a trader (e.g. a validly signed JWT without {@code sub}): 401, not our fault. */
public class UnauthorizedException extends DomainException {
    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "unauthorized";
    }
}
