package com.nija.local.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    /** A fresh random secret (hex, 256 bits). */
    public static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static synchronized String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.UTF_8).trim();
            Files.createDirectories(file.getParent());
            String secret = random();
            Path tmp = Files.createTempFile(file.getParent(), "secret", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the home directory's ACL applies
            }
            Files.writeString(tmp, secret, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(tmp);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep local secret " + file, e);
        }
    }
}
