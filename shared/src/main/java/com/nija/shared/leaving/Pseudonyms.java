package com.nija.shared.leaving;

import com.nija.shared.config.Secret;
import com.nija.shared.config.SecretResolver;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-way pseudonym a deleted trader's kept records carry: HMAC-SHA256 of the trader id under a platform pepper.
 * Without the pepper nobody can test a guessed id against it; with it, the same trader always maps to the same
 * pseudonym, so a deletion that stopped halfway finishes under the same name on retry.
 */
@Singleton
public class Pseudonyms {
    static final String PREFIX = "anon-";
    private static final String ARN_VARIABLE = "NIJA_PSEUDONYM_PEPPER_SECRET_ARN";

    private final Secret pepper;

    public Pseudonyms(LeavingConfig config, SecretResolver secrets) {
        this.pepper = secrets.secret(config.getPseudonymPepper(), ARN_VARIABLE);
    }

    public String of(String userId) {
        String key = pepper.value();
        if (key == null) throw new IllegalStateException("the pseudonym pepper is not configured (" + ARN_VARIABLE + ")");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
