package com.nija.cdk.config;

import java.util.List;
import java.util.Optional;

/**
 * How traders reach the Cognito user pool from the dashboard: authorization code with PKCE through the hosted
 * sign-in pages, redirecting back to the dashboard's own origins (context {@code dashboardOrigins}).
 *
 * @param selfSignUp   traders may create their own account (email verified by a code before the first sign-in);
 *                     off: only an administrator creates users (context {@code selfSignUp}, default on)
 * @param domainPrefix the hosted sign-in domain {@code <prefix>.auth.<region>.amazoncognito.com} (context
 *                     {@code authDomainPrefix}; default {@code nija-<stage>-<account>} when the account is known)
 */
public record SignIn(boolean selfSignUp, Optional<String> domainPrefix) {
    /** Where the dashboard receives the authorization code. */
    public static final String CALLBACK_PATH = "/auth/callback";
    /** Where the dashboard lands after signing out. */
    public static final String SIGNED_OUT_PATH = "/";

    public SignIn {
        domainPrefix.ifPresent(p -> {
            // Cognito: lowercase letters, digits and hyphens; no "aws", "amazon" or "cognito" in the prefix.
            if (!p.matches("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?") || p.matches(".*(aws|amazon|cognito).*")) {
                throw new IllegalArgumentException("authDomainPrefix: '" + p + "' must be lowercase letters, digits "
                        + "and hyphens, without aws, amazon or cognito");
            }
        });
    }

    public List<String> callbackUrls(List<String> origins) {
        return origins.stream().map(o -> o + CALLBACK_PATH).toList();
    }

    public List<String> signOutUrls(List<String> origins) {
        return origins.stream().map(o -> o + SIGNED_OUT_PATH).toList();
    }
}
