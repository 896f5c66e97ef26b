package com.nija.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures the platform checks: {@code X-Nija-Signature} on signals and prices and {@code Stripe-Signature}
 * on webhooks. Both are {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.body")>} (the platform's
 * SignalAuthenticator; Stripe's "Verify signatures manually" scheme).
 */
final class Signatures {
    private Signatures() {}

    static String sign(String secret, String body, long unixSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
