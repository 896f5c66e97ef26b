package com.nija.shared.venues.kraken;

import com.nija.shared.broker.BrokerException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Kraken's {@code API-Sign} (docs.kraken.com, Spot REST Authentication, "Setting the API-Sign Parameter"):
 * base64 of HMAC-SHA512 over the URI path ({@code /0/private/…}) followed by SHA-256(nonce + POST data), keyed with
 * the base64-decoded API secret. The POST data is the form body exactly as sent, nonce included. Public so the broker
 * benchmark can time one signature on its own.
 */
public final class KrakenSigner {
    private KrakenSigner() {}

    public static String sign(String path, long nonce, String body, String secretBase64) {
        return sign(path, Long.toString(nonce), body, secretBase64);
    }

    static String sign(String path, String nonce, String body, String secretBase64) {
        byte[] secret = decode(secretBase64);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + body).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            mac.update(path.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or HmacSHA512", e);
        }
    }

    /** The secret as Kraken shows it is base64; a key pasted wrongly is the trader's to fix, so it is a refusal. */
    private static byte[] decode(String secretBase64) {
        try {
            byte[] secret = Base64.getDecoder().decode(secretBase64.trim());
            if (secret.length == 0) throw new IllegalArgumentException("empty");
            return secret;
        } catch (IllegalArgumentException e) {
            throw new BrokerException(BrokerException.Kind.REJECTED,
                    "the Kraken API secret is not base64 as Kraken issues it: enter the key again");
        }
    }
}
