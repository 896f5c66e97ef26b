package com.nija.shared.venues.binance;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's signature for an HMAC key (Spot REST API, "SIGNED Endpoint Examples for POST /api/v3/order — HMAC Keys"):
 * the hex HMAC-SHA256, keyed with the API secret, of the query string concatenated with no separator to the request
 * body, both exactly as sent (already percent-encoded).
 */
public final class BinanceSigner {
    private BinanceSigner() {}

    public static String sign(String secret, String query, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((query + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is in every JDK and accepts any key length; the message never carries the secret.
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getClass().getSimpleName());
        }
    }
}
