package com.nija.shared.trading;

import com.nija.shared.config.Secret;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident pagination cursors: {@code base64url(position) "." base64url(HMAC-SHA256)}, the MAC
 * bound to the trader and the query's filter, so a cursor can't be forged, edited, or replayed on another
 * trader's or another filter's listing.
 */
public final class CursorCodec {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final Secret secret;

    /** A codec with a fixed secret, checked now. */
    public CursorCodec(String secret) {
        this(Secret.of(key(secret)));
    }

    /**
     * A codec whose secret is read on the first cursor (never at init) and follows rotations: a cursor that does not
     * verify is checked once more against a fresh read of the secret, since another function may already sign with
     * the new one.
     */
    public CursorCodec(Secret secret) {
        this.secret = secret;
    }

    public String encode(String userId, String scope, String position) {
        byte[] payload = position.getBytes(StandardCharsets.UTF_8);
        return ENC.encodeToString(payload) + "." + ENC.encodeToString(mac(key(secret.value()), userId, scope, payload));
    }

    /** The position a cursor encodes. @throws InvalidInputException when the cursor was not issued for this query */
    public String decode(String userId, String scope, String cursor) {
        return secret.use(InvalidInputException.class, value -> decode(key(value), userId, scope, cursor));
    }

    private static String decode(String key, String userId, String scope, String cursor) {
        int dot = InputLimits.Id.CURSOR.accepts(cursor) ? cursor.indexOf('.') : -1; // a huge cursor costs no decoding
        try {
            if (dot >= 0) {
                byte[] payload = DEC.decode(cursor.substring(0, dot));
                byte[] given = DEC.decode(cursor.substring(dot + 1));
                // Re-encoding must give back exactly what came in: base64's unused trailing bits can't be varied.
                boolean canonical = cursor.equals(ENC.encodeToString(payload) + "." + ENC.encodeToString(given));
                if (canonical && MessageDigest.isEqual(given, mac(key, userId, scope, payload))) {
                    return new String(payload, StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the same refusal as a bad MAC: a client learns nothing about why
        }
        throw InvalidInputException.of("cursor", "is not a cursor this listing issued; start again without it");
    }

    /** The secret, refused when too short to sign with. */
    private static String key(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("cursor secret must be at least 16 characters");
        }
        return secret;
    }

    private static byte[] mac(String key, String userId, String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            // Length-prefixed fields: ("a\nb", "c") and ("a", "b\nc") must not sign the same bytes.
            mac.update((userId.length() + ":" + userId + scope.length() + ":" + scope).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
