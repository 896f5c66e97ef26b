package com.nija.shared.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A small development secret kept in a file on this machine (the local platform's cursor key, its envelope key),
 * created on first use, readable by the owner only. Two JVMs starting at once agree: the file appears atomically and
 * never replaces one that exists, so the loser reads the winner's value. Never used in AWS.
 */
public final class OwnerOnlyFile {
    /** Environment variable naming the local platform's home directory (keys, secrets). */
    public static final String HOME_ENV = "NIJA_LOCAL_HOME";

    private OwnerOnlyFile() {}

    /** {@code $NIJA_LOCAL_HOME}, or {@code ~/.nija} when it is unset or blank. */
    public static Path defaultHome() {
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) return Paths.get(env);
        return Paths.get(System.getProperty("user.home"), ".nija");
    }

    /** The file's text (trimmed), after writing {@code create}'s value into it if it did not exist. */
    public static synchronized String readOrCreate(Path file, Supplier<String> create) {
        try {
            if (Files.exists(file)) return read(file);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".secret", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the home directory's ACL applies
                }
                Files.writeString(tmp, create.get(), StandardCharsets.UTF_8);
                publish(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep local secret " + file, e);
        }
    }

    private static void publish(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp); // atomic, and never replaces a file another JVM published first
        } catch (FileAlreadyExistsException lost) {
            // the other JVM's value wins
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            try {
                Files.move(tmp, file); // without REPLACE_EXISTING: the next best
            } catch (FileAlreadyExistsException lost) {
                // the other JVM's value wins
            }
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
}
