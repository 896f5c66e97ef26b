package com.nija.shared.crypto;

import com.nija.shared.config.OwnerOnlyFile;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys for the local platform and tests, in KMS's place: each is wrapped with AES-256-GCM under a key kept in a
 * file on this machine (owner-only, created on first use, like the dev signing key), with the associated data
 * authenticated as KMS authenticates its encryption context. A development key: never used in AWS.
 */
public final class LocalDataKeys implements DataKeyProvider {
    /** The key file's name in the local home ({@code ~/.nija} or {@code $NIJA_LOCAL_HOME}). */
    public static final String FILE = "envelope-key";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;

    private final Path file;
    private volatile byte[] key;

    public LocalDataKeys(Path file) {
        this.file = file;
    }

    @Override
    public DataKey newDataKey(Map<String, String> associatedData) {
        byte[] plain = random(KEY_BYTES);
        byte[] nonce = random(NONCE_BYTES);
        try {
            byte[] wrapped = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData).doFinal(plain);
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + wrapped.length);
            System.arraycopy(wrapped, 0, stored, NONCE_BYTES, wrapped.length);
            return new DataKey(plain, stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is always available", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, Map<String, String> associatedData) {
        if (wrapped.length <= NONCE_BYTES) throw new EnvelopeOpenException("not a wrapped data key");
        try {
            return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(wrapped, NONCE_BYTES), associatedData)
                    .doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new EnvelopeOpenException("the data key was not wrapped by this key for this associated data", e);
        } catch (GeneralSecurityException e) {
            throw new EnvelopeOpenException("the data key does not unwrap", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, Map<String, String> associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(Envelope.canonical(associatedData));
        return cipher;
    }

    /** Read on first use, not at construction: functions that never seal never touch the file. */
    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String text = OwnerOnlyFile.readOrCreate(file,
                    () -> Base64.getEncoder().encodeToString(random(KEY_BYTES)));
            try {
                k = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                k = new byte[0];
            }
            if (k.length != KEY_BYTES) {
                throw new IllegalStateException("the local envelope key " + file + " is not 32 bytes in base64");
            }
            key = k;
        }
        return k;
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
