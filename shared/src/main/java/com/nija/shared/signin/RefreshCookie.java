package com.nija.shared.signin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The refresh token's only home in the browser: a cookie no script can read ({@code HttpOnly}), sent only over HTTPS
 * ({@code Secure}), never on a cross-site request ({@code SameSite=Strict}) and only to the sign-in routes
 * ({@code Path=/auth}), so API calls and other paths never carry it.
 */
public final class RefreshCookie {
    public static final String NAME = "nija_refresh";
    /** The sign-in routes' common path: the dashboard's host must serve them itself for the browser to send this. */
    public static final String PATH = "/auth";
    private static final String ATTRIBUTES = "; HttpOnly; Secure; SameSite=Strict; Path=" + PATH;
    /** Cognito's refresh tokens (RevokeToken's documented pattern); anything else in the cookie is ignored. */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9\\-_=.]{1,8192}");

    private RefreshCookie() {}

    public static String set(String refreshToken, Duration maxAge) {
        return NAME + "=" + refreshToken + ATTRIBUTES + "; Max-Age=" + maxAge.toSeconds();
    }

    /** Tells the browser to forget the cookie (same name, path and flags, expired). */
    public static String clear() {
        return NAME + "=" + ATTRIBUTES + "; Max-Age=0";
    }

    /** The refresh token among the request's cookies ({@code name=value} each, as API Gateway passes them). */
    public static Optional<String> read(List<String> cookies) {
        if (cookies == null) return Optional.empty();
        String prefix = NAME + "=";
        return cookies.stream().map(String::strip).filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length())).filter(v -> VALUE.matcher(v).matches()).findFirst();
    }
}
