package com.nija.shared.crypto;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of small secrets kept in the table (signal-source secrets; broker keys next): each value is
 * encrypted with AES-256-GCM under a data key of its own, and the data key is stored wrapped by the
 * {@link DataKeyProvider} (KMS in AWS). The associated data (e.g. {@code source=<id>, kind=SIGNALS}) is authenticated
 * by GCM and binds the wrapped data key too (KMS encryption context), so a sealed value copied onto another item does
 * not open there.
 *
 * <p>Sealed form: {@code v1:<wrapped data key>:<nonce>:<ciphertext and tag>}, each part base64.
 */
@Singleton
public class Envelope {
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final DataKeyProvider keys;

    public Envelope(DataKeyProvider keys) {
        this.keys = keys;
    }

    /** {@code plain} sealed for {@code associatedData}. */
    public String seal(byte[] plain, Map<String, String> associatedData) {
        DataKeyProvider.DataKey key = keys.newDataKey(associatedData);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            // A SecureRandom per seal, never one made at init: a SnapStart snapshot would share its state.
            new SecureRandom().nextBytes(nonce);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key.plain(), nonce, associatedData).doFinal(plain);
            return String.join(":", VERSION, B64.encodeToString(key.wrapped()), B64.encodeToString(nonce),
                    B64.encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is always available", e);
        } finally {
            key.forget();
        }
    }

    /** {@code plain} as UTF-8, sealed. */
    public String sealText(String plain, Map<String, String> associatedData) {
        return seal(plain.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    /**
     * The plain value of {@code sealed}.
     *
     * @throws EnvelopeOpenException when it was altered or sealed for other associated data
     */
    public byte[] open(String sealed, Map<String, String> associatedData) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) throw new EnvelopeOpenException("not a sealed value");
        byte[] wrapped;
        byte[] nonce;
        byte[] body;
        try {
            wrapped = B64_DECODER.decode(parts[1]);
            nonce = B64_DECODER.decode(parts[2]);
            body = B64_DECODER.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new EnvelopeOpenException("not a sealed value");
        }
        if (nonce.length != NONCE_BYTES) throw new EnvelopeOpenException("not a sealed value");
        byte[] dataKey = keys.unwrap(wrapped, associatedData);
        try {
            return cipher(Cipher.DECRYPT_MODE, dataKey, nonce, associatedData).doFinal(body);
        } catch (AEADBadTagException e) {
            throw new EnvelopeOpenException("the sealed value does not open with this associated data", e);
        } catch (GeneralSecurityException e) {
            throw new EnvelopeOpenException("the sealed value does not open", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public String openText(String sealed, Map<String, String> associatedData) {
        return new String(open(sealed, associatedData), StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, Map<String, String> associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(canonical(associatedData));
        return cipher;
    }

    /**
     * The associated data as bytes, the same for equal maps whatever their order, and unambiguous: every name and
     * value is length-prefixed, so {@code a=bc} and {@code ab=c} differ.
     */
    static byte[] canonical(Map<String, String> associatedData) {
        ByteBuffer out = ByteBuffer.allocate(size(associatedData));
        new TreeMap<>(associatedData).forEach((name, value) -> {
            put(out, name);
            put(out, value);
        });
        return out.array();
    }

    private static int size(Map<String, String> associatedData) {
        int size = 0;
        for (Map.Entry<String, String> e : associatedData.entrySet()) {
            size += 8 + e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    private static void put(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length).put(bytes);
    }
}
