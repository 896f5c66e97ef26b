package com.nija.local.auth;

import com.nija.shared.config.OwnerOnlyFile;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA-2048 key that signs local tokens, kept as a private JWK in {@code <home>/dev-signing-key.json} so that
 * every JVM on the machine (the {@code token} command, the running platform, tests) shares it. Created on first
 * use, readable by the owner only; a development key, never used outside the local platform.
 */
public final class LocalSigningKey {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSigningKey.class);
    private static final int KEY_BITS = 2048;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final RSAKey key;
    private final Path file;

    private LocalSigningKey(RSAKey key, Path file) {
        this.key = key;
        this.file = file;
    }

    /** {@code $NIJA_LOCAL_HOME}, or {@code ~/.nija} when it is unset or blank. */
    public static Path defaultHome() {
        return OwnerOnlyFile.defaultHome();
    }

    /** {@link #loadOrCreate(Path)} in {@link #defaultHome()}. */
    public static LocalSigningKey loadOrCreateDefault() {
        return loadOrCreate(defaultHome());
    }

    /**
     * Loads the key from {@code home}, or creates it there (directory 0700, file 0600 on POSIX file systems).
     * Safe when two JVMs start at once: the file appears atomically and the loser loads the winner's key.
     *
     * @throws UncheckedIOException  when the file cannot be read or written
     * @throws IllegalStateException when the file holds no private RSA JWK with a key id
     */
    public static LocalSigningKey loadOrCreate(Path home) {
        Objects.requireNonNull(home, "home");
        Path file = home.resolve(LocalAuthority.KEY_FILE);
        try {
            if (Files.exists(file)) {
                return load(file);
            }
            createDirectories(home);
            RSAKey generated = generate();
            if (publish(home, file, generated)) {
                LOG.info("Created local signing key {} in {}", generated.getKeyID(), file);
                return new LocalSigningKey(generated, file);
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load or create the local signing key at " + file, e);
        }
    }

    /** The private key pair; only {@link TokenIssuer} needs it. */
    public RSAKey privateJwk() {
        return key;
    }

    /** The public half, what a JWKS endpoint would publish. */
    public RSAKey publicJwk() {
        return key.toPublicJWK();
    }

    /** The key id ({@code kid}) that tokens carry in their header. */
    public String keyId() {
        return key.getKeyID();
    }

    /** Where the key is kept. */
    public Path file() {
        return file;
    }

    private static LocalSigningKey load(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        RSAKey parsed;
        try {
            parsed = RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Not an RSA JWK: " + file + " (delete it to create a new key)", e);
        }
        if (!parsed.isPrivate() || parsed.getKeyID() == null) {
            throw new IllegalStateException(
                    "Not a private RSA JWK with a kid: " + file + " (delete it to create a new key)");
        }
        warnIfReadableByOthers(file);
        return new LocalSigningKey(parsed, file);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** Writes a temporary file, then links it into place; false when another process published first. */
    private static boolean publish(Path home, Path file, RSAKey generated) throws IOException {
        Path temp = posix(home)
                ? Files.createTempFile(home, ".dev-signing-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(home, ".dev-signing-key", ".tmp");
        try {
            Files.writeString(temp, generated.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.createLink(file, temp);   // atomic and never replaces an existing file
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                try {
                    Files.move(temp, file);        // no hard links here: a move without replace is the next best
                    return true;
                } catch (FileAlreadyExistsException lost) {
                    return false;
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void createDirectories(Path home) throws IOException {
        if (Files.isDirectory(home)) {
            return;
        }
        Path parent = home.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileAttribute<?>[] attributes = posix(parent == null ? home : parent)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectory(home, attributes);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(home)) {
                throw e;
            }
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        if (!posix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                LOG.warn("Local signing key {} is readable by others ({}); chmod 600 it",
                        file, PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            LOG.debug("Cannot read the permissions of {}", file, e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
