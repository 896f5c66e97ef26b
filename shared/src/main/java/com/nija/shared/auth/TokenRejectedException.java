package com.nija.shared.auth;

/** A token that does not prove who the caller is; the message says why (never the token itself). */
public class TokenRejectedException extends Exception {
    public TokenRejectedException(String message) {
        super(message);
    }

    public TokenRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
