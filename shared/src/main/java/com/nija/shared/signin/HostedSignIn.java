package com.nija.shared.signin;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's backend-for-frontend for Cognito's hosted UI: redeems the code with its PKCE verifier, refreshes
 * from the HttpOnly cookie, and revokes on sign-out. The browser's script holds the access token in memory only;
 * the refresh token travels in {@link RefreshCookie} alone.
 */
@Singleton
public class HostedSignIn {
    private final CognitoOAuthClient cognito;
    private final SignInConfig config;

    public HostedSignIn(CognitoOAuthClient cognito, SignInConfig config) {
        this.cognito = cognito;
        this.config = config;
    }

    /** A signed-in session: what the script may hold, and the cookie to set (none when Cognito sent no new one). */
    public record Session(SessionTokens.ForBrowser tokens, Optional<String> setCookie) {
        /** The cookie carries the refresh token: never in a log line. */
        @Override
        public String toString() {
            return "Session[" + tokens + ", cookie=" + (setCookie.isPresent() ? "set" : "unchanged") + "]";
        }
    }

    public Session redeem(CodeExchange exchange) {
        exchange.check();
        SessionTokens tokens = cognito.redeem(exchange.code(), exchange.codeVerifier(), exchange.redirectUri());
        if (tokens.refreshToken() == null) {
            throw new SignInUnavailableException("Cognito redeemed the code without a refresh token");
        }
        return session(tokens);
    }

    public Session refresh(List<String> cookies) {
        String refreshToken = RefreshCookie.read(cookies).orElseThrow(() -> new SignInRefusedException(
                "no_session", "No session to refresh: sign in again"));
        return session(cognito.refresh(refreshToken));
    }

    /**
     * Revokes the session's refresh token when there is one. A token Cognito no longer accepts is already signed
     * out; only Cognito being unavailable fails, so the cookie stays for a retry.
     */
    public void signOut(List<String> cookies) {
        Optional<String> refreshToken = RefreshCookie.read(cookies);
        if (refreshToken.isEmpty()) return;
        try {
            cognito.revoke(refreshToken.get());
        } catch (SignInRefusedException alreadyInvalid) {
            // nothing left to revoke
        }
    }

    private Session session(SessionTokens tokens) {
        return new Session(tokens.forBrowser(), Optional.ofNullable(tokens.refreshToken())
                .map(t -> RefreshCookie.set(t, config.getRefreshCookieMaxAge())));
    }
}
