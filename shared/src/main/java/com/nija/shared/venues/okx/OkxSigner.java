package com.nija.shared.venues.okx;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OKX's request signature (docs-v5 "Overview › REST Authentication › Signature"): {@code OK-ACCESS-SIGN} is the
 * Base64 of HMAC-SHA256, keyed with the secret, over {@code timestamp + METHOD + requestPath + body}, where a GET's
 * query string is part of the request path and a GET has no body. The timestamp is the {@code OK-ACCESS-TIMESTAMP}
 * header: ISO-8601 UTC with milliseconds, {@code 2020-12-08T09:08:57.715Z}.
 */
public final class OkxSigner {
    // Always three fraction digits: Instant.toString() drops ".000", which OKX refuses (50112).
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OkxSigner() {}

    /** {@code at} as OKX's timestamp header: UTC, milliseconds, {@code Z}. */
    public static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    /** The {@code OK-ACCESS-SIGN} value; {@code requestPath} includes {@code ?query} for a GET, {@code body} is "" then. */
    public static String sign(String secret, String timestamp, String method, String requestPath, String body) {
        String preHash = timestamp + method + requestPath + body;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(preHash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every JDK has HmacSHA256; a key is never refused for its length. Nothing of the secret is in the message.
            throw new IllegalStateException("cannot compute an HMAC-SHA256: " + e.getClass().getSimpleName());
        }
    }
}
