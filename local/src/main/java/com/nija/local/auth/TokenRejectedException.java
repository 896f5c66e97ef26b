package com.nija.local.auth;

import java.util.Objects;

/** A bearer token the local JWT authorizer refuses; {@link #reason()} says why, the message says it in words. */
public final class TokenRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a token was refused. Every reason means 401 at the gateway. */
    public enum Reason {
        /** No {@code Authorization} header, or an empty one. */
        MISSING,
        /** Not a compact JWS, or its header or claims are not JSON. */
        MALFORMED,
        /** {@code alg} other than RS256, including {@code none} and encrypted tokens. */
        UNSUPPORTED_ALGORITHM,
        /** {@code kid} absent or not the local signing key's. */
        UNKNOWN_KEY,
        /** The signature does not verify with the local key. */
        BAD_SIGNATURE,
        /** {@code exp} is past. */
        EXPIRED,
        /** {@code nbf} is in the future. */
        NOT_YET_VALID,
        /** {@code iat} is in the future. */
        ISSUED_IN_FUTURE,
        /** {@code iss} is not the local issuer. */
        WRONG_ISSUER,
        /** Neither {@code aud} nor (when {@code aud} is absent) {@code client_id} names the API. */
        WRONG_AUDIENCE,
        /** A claim the authorizer needs ({@code exp}, {@code iss}) is absent. */
        MISSING_CLAIM
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public TokenRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
