package com.nija.shared.signin;

import com.nija.shared.problem.DomainException;

/** Sign-in through Cognito is not configured here, or Cognito did not answer usefully: try again later. */
public class SignInUnavailableException extends DomainException {
    public SignInUnavailableException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "sign-in-unavailable";
    }
}
