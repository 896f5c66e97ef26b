package com.nija.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NIJA's request signature, both ways: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}. Sources
 * sign what they send to our intake with it, and NIJA signs the webhooks it sends to traders the same way, so one
 * verifier serves both directions.
 */
public final class TimestampedHmac {
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    private TimestampedHmac() {}

    /** The header value for {@code body} signed with {@code secret} at {@code at}. */
    public static String sign(String secret, String body, Instant at) {
        String t = Long.toString(at.getEpochSecond());
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t + "." + body));
    }

    /** True when {@code header} signs {@code body} with {@code secret} at a time within {@code tolerance} of now. */
    public static boolean verify(String header, String body, String secret, Instant now, Duration tolerance) {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("t=")) t = p.substring(2);
            else if (p.startsWith("v1=")) v1 = p.substring(3);
        }
        // Unix seconds have 10 digits until 2286; a longer t is refused before any date arithmetic can overflow.
        if (t == null || v1 == null || !EPOCH_SECONDS.matcher(t).matches()) return false;
        try {
            long skew = Math.abs(Long.parseLong(t) - now.getEpochSecond());
            if (skew > tolerance.toSeconds()) return false;
            byte[] expected = hmac(secret, t + "." + body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1.toLowerCase()));
        } catch (IllegalArgumentException e) { // not a number, not hex
            return false;
        }
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
