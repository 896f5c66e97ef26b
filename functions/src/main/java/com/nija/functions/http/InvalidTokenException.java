package com.nija.functions.http;

import com.nija.shared.problem.DomainException;

/**
 * A token the JWT authorizer let through that still names no trader: no {@code sub}, or one that is no user id
 * (API Gateway's authorizer checks signature, issuer, audience and times, not {@code sub}). 401 with the RFC 6750
 * challenge, like every other refused token.
 */
public class InvalidTokenException extends DomainException {
    public InvalidTokenException(String message) {
        super(message);
    }

    /** The {@code WWW-Authenticate} value: RFC 6750's {@code invalid_token} with the reason (printable ASCII only). */
    public String challenge() {
        String reason = getMessage().replaceAll("[\"\\\\]", "").replaceAll("[^ -~]", "-");
        return "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"";
    }

    @Override
    public String problemType() {
        return "unauthorized";
    }
}
