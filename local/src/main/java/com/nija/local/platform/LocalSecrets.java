package com.nija.local.platform;

import com.nija.shared.config.OwnerOnlyFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Development secrets kept beside the local signing key, created on first use with owner-only permissions,
 * so separate runs (up, invoke, tests) agree on them. In AWS these come from Secrets Manager.
 */
public final class LocalSecrets {
    private LocalSecrets() {}

    /** The key that signs pagination cursors. */
    public static String cursorSecret(Path home) {
        return readOrCreate(home.resolve("cursor-secret"));
    }

    /** The Stripe stand-in's webhook signing secret, in Stripe's {@code whsec_} form: events signed with it are taken. */
    public static String stripeWebhookSecret(Path home) {
        return OwnerOnlyFile.readOrCreate(home.resolve("stripe-webhook-secret"), () -> "whsec_" + random());
    }

    /** A fresh random secret (hex, 256 bits). */
    public static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String readOrCreate(Path file) {
        return OwnerOnlyFile.readOrCreate(file, LocalSecrets::random);
    }
}
