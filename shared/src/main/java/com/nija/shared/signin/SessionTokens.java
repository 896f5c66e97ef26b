package com.nija.shared.signin;

/**
 * What Cognito's token endpoint returns. The refresh token is null on a refresh (Cognito returns one only for an
 * authorization code) and never leaves the backend except in the HttpOnly cookie. {@link #toString()} names no token.
 */
public record SessionTokens(String accessToken, String idToken, String refreshToken, long expiresIn) {
    /** What the browser's script may hold: the access and id tokens and their lifetime, never the refresh token. */
    public record ForBrowser(String accessToken, String idToken, long expiresIn) {
        @Override
        public String toString() {
            return "ForBrowser[expiresIn=" + expiresIn + "]";
        }
    }

    public ForBrowser forBrowser() {
        return new ForBrowser(accessToken, idToken, expiresIn);
    }

    @Override
    public String toString() {
        return "SessionTokens[expiresIn=" + expiresIn + ", refreshToken=" + (refreshToken == null ? "none" : "set")
                + "]";
    }
}
