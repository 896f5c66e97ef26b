package com.nija.shared.signin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The dashboard's Cognito sign-in ({@code nija.sign-in.*}): the hosted UI domain, e.g.
 * {@code https://nija-prod.auth.eu-west-1.amazoncognito.com}, and the dashboard's app client id. In AWS the CDK app
 * sets {@code NIJA_SIGN_IN_DOMAIN} and {@code NIJA_SIGN_IN_CLIENT_ID} from the user pool; the local platform signs
 * in with its own tokens and leaves both unset, so these routes answer 503 there.
 */
@ConfigurationProperties("nija.sign-in")
public class SignInConfig {
    @Nullable private String domain;
    @Nullable private String clientId;
    /** How long the browser keeps the refresh cookie: the app client's refresh token validity (30 days). */
    private Duration refreshCookieMaxAge = Duration.ofDays(30);
    /** How long a call to Cognito may take: the function's own timeout is 10 s. */
    private Duration timeout = Duration.ofSeconds(5);

    @Nullable public String getDomain() { return domain; }
    public void setDomain(@Nullable String v) { domain = v == null || v.isBlank() ? null : v.strip().replaceAll("/+$", ""); }
    @Nullable public String getClientId() { return clientId; }
    public void setClientId(@Nullable String v) { clientId = v == null || v.isBlank() ? null : v.strip(); }
    public Duration getRefreshCookieMaxAge() { return refreshCookieMaxAge; }
    public void setRefreshCookieMaxAge(Duration v) { refreshCookieMaxAge = v; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration v) { timeout = v; }

    public boolean configured() {
        return domain != null && clientId != null;
    }
}
