package com.nija.shared.signin;

import com.nija.shared.problem.DomainException;
import java.util.Map;

/**
 * Cognito refused the code, the verifier or the refresh token (an OAuth error such as {@code invalid_grant}), or the
 * browser has no session cookie: the dashboard must sign in again. The message carries the OAuth error code only.
 */
public class SignInRefusedException extends DomainException {
    private final String oauthError;

    public SignInRefusedException(String oauthError, String message) {
        super(message);
        this.oauthError = oauthError;
    }

    @Override
    public String problemType() {
        return "sign-in-refused";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("oauthError", oauthError);
    }
}
