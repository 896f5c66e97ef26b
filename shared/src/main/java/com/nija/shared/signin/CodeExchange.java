package com.nija.shared.signin;

import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the dashboard sends after Cognito redirected back: the authorization code, the PKCE verifier it kept, and the
 * redirect URI it used (Cognito compares it with the authorize request's). {@link #check()}ed before anything reaches
 * Cognito (a plain record, so Jackson reads it and the refusal names every field).
 */
public record CodeExchange(String code, String codeVerifier, String redirectUri) {
    /** RFC 7636 section 4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9\\-._~]{1,1024}");
    private static final int MAX_URI = 2048;
    /** The dashboard's callback route (cdk-app SignIn.CALLBACK_PATH registers the same path with the app client). */
    public static final String CALLBACK_PATH = "/auth/callback";

    /** Refuses (400, every broken field named) a code, verifier or redirect URI that cannot be what Cognito wants. */
    public void check() {
        List<Violation> violations = new ArrayList<>();
        check(violations, "code", code, CODE, "is the code Cognito put in the callback URL (URL-safe characters)");
        check(violations, "codeVerifier", codeVerifier, VERIFIER,
                "must be 43 to 128 characters of A-Z, a-z, 0-9 and -._~ (RFC 7636 section 4.1)");
        if (redirectUri == null || redirectUri.isBlank()) {
            violations.add(new Violation("redirectUri", "is required"));
        } else if (!callback(redirectUri)) {
            violations.add(new Violation("redirectUri", "must be the dashboard's https://…" + CALLBACK_PATH
                    + " URL (http only for localhost)"));
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
    }

    private static void check(List<Violation> violations, String field, String value, Pattern shape, String rule) {
        if (value == null || value.isEmpty()) violations.add(new Violation(field, "is required"));
        else if (!shape.matcher(value).matches()) violations.add(new Violation(field, rule));
    }

    private static boolean callback(String value) {
        if (value.length() > MAX_URI) return false;
        try {
            URI uri = new URI(value);
            String host = uri.getHost();
            boolean local = "localhost".equals(host) || "127.0.0.1".equals(host);
            boolean scheme = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local);
            return scheme && host != null && uri.getRawFragment() == null && uri.getRawQuery() == null
                    && uri.getRawUserInfo() == null && CALLBACK_PATH.equals(uri.getRawPath());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
