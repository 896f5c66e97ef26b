package com.nija.shared.venues.okx;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stub's own check of a private OKX request, written from docs-v5 "Overview › REST Authentication" and "Demo
 * Trading Services" without the client's signer: {@code OK-ACCESS-SIGN} = Base64(HMAC-SHA256(secret, timestamp +
 * METHOD + path with query + body)) recomputed from the request as received, the key's passphrase, a millisecond UTC
 * timestamp, a JSON content type — and {@code x-simulated-trading: 1} exactly when the key is a demo trading key.
 */
final class OkxSignatureCheck {
    /** A key OKX issued: its secret, its passphrase, and whether it trades in demo. */
    record Key(String secret, String passphrase, boolean demo) {}

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final String DEMO_HEADER = "x-simulated-trading";

    private final Map<String, Key> keys;

    OkxSignatureCheck(Map<String, Key> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** Correctly signed by a known key, and in that key's environment (live without the demo header, demo with it). */
    ValueMatcher<Request> signedInItsEnvironment() {
        return request -> MatchResult.of(signed(request) && rightEnvironment(request));
    }

    /** Correctly signed, whatever the environment: what OKX answers with 50101 when the environment is wrong. */
    ValueMatcher<Request> signed() {
        return request -> MatchResult.of(signed(request));
    }

    private boolean signed(Request request) {
        Key key = keys.get(request.getHeader("OK-ACCESS-KEY"));
        String timestamp = request.getHeader("OK-ACCESS-TIMESTAMP");
        if (key == null || timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) return false;
        String preHash = timestamp + request.getMethod().getName() + request.getUrl() + request.getBodyAsString();
        return hmacSha256Base64(key.secret(), preHash).equals(request.getHeader("OK-ACCESS-SIGN"))
                && key.passphrase().equals(request.getHeader("OK-ACCESS-PASSPHRASE"))
                && "application/json".equals(request.getHeader("Content-Type"));
    }

    private boolean rightEnvironment(Request request) {
        Key key = keys.get(request.getHeader("OK-ACCESS-KEY"));
        return key.demo() ? "1".equals(request.getHeader(DEMO_HEADER)) : !request.containsHeader(DEMO_HEADER);
    }

    private static String hmacSha256Base64(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
