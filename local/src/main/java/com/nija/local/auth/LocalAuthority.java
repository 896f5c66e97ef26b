package com.nija.local.auth;

/**
 * The local stand-in for the Cognito user pool: the one place that names the issuer, the audience and the
 * claims that {@link TokenIssuer} writes and {@link JwtVerifier} (the local JWT authorizer) checks.
 */
public final class LocalAuthority {
    /** {@code iss} of every local token; the local JWT authorizer accepts no other. */
    public static final String ISSUER = "https://auth.nija.local";
    /** {@code aud} (and {@code client_id}, as in Cognito access tokens) of every local token. */
    public static final String AUDIENCE = "nija-api";
    /** Claim holding the caller's groups, as Cognito writes it. */
    public static final String GROUPS_CLAIM = "cognito:groups";
    /** Environment variable naming the directory that holds the signing key. */
    public static final String HOME_ENV = com.nija.shared.config.OwnerOnlyFile.HOME_ENV;
    /** File name of the signing key (a private JWK) inside that directory. */
    public static final String KEY_FILE = "dev-signing-key.json";

    private LocalAuthority() {
    }
}
