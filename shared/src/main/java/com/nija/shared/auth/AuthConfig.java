package com.nija.shared.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Who issues traders' tokens, for the functions that verify them themselves (the WebSocket {@code $connect}
 * authorizer; HTTP routes rely on API Gateway's JWT authorizer). In AWS the CDK app sets {@code NIJA_AUTH_ISSUER}
 * (the Cognito user pool's issuer URL) and {@code NIJA_AUTH_AUDIENCE} (its app client id); the keys come from the
 * issuer's JWKS. Locally the platform sets the issuer, the audience and the public key set inline ({@code jwks}).
 */
@ConfigurationProperties("nija.auth")
public class AuthConfig {
    @Nullable private String issuer;
    @Nullable private String audience;
    /** The issuer's JWKS URL; null means Cognito's {@code <issuer>/.well-known/jwks.json}. */
    @Nullable private String jwksUrl;
    /** A public JWK set as JSON: used instead of fetching one (the local platform's own key). */
    @Nullable private String jwks;
    /** Tolerance for issuer and verifier clocks that disagree. */
    private long clockSkewSeconds = 30;

    @Nullable public String getIssuer() { return issuer; }
    public void setIssuer(@Nullable String v) { issuer = blankToNull(v); }
    @Nullable public String getAudience() { return audience; }
    public void setAudience(@Nullable String v) { audience = blankToNull(v); }
    @Nullable public String getJwksUrl() { return jwksUrl; }
    public void setJwksUrl(@Nullable String v) { jwksUrl = blankToNull(v); }
    @Nullable public String getJwks() { return jwks; }
    public void setJwks(@Nullable String v) { jwks = blankToNull(v); }
    public long getClockSkewSeconds() { return clockSkewSeconds; }
    public void setClockSkewSeconds(long v) { clockSkewSeconds = v; }

    /** The JWKS location: the configured URL, else Cognito's well-known path under the issuer. */
    public String resolvedJwksUrl() {
        if (jwksUrl != null) return jwksUrl;
        if (issuer == null) throw new IllegalStateException("nija.auth.issuer is not set");
        return issuer.replaceAll("/+$", "") + "/.well-known/jwks.json";
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
