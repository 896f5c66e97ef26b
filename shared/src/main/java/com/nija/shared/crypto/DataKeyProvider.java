package com.nija.shared.crypto;

import java.util.Arrays;
import java.util.Map;

/**
 * Where {@link Envelope} gets its data keys: KMS in AWS ({@link KmsDataKeys}), a key file on this machine locally
 * ({@link LocalDataKeys}). Each data key is bound to the associated data it was made for: unwrapping it with other
 * associated data fails.
 */
public interface DataKeyProvider {
    /** A fresh AES-256 data key, in plain (to encrypt with, then forget) and wrapped (to store beside the ciphertext). */
    DataKey newDataKey(Map<String, String> associatedData);

    /**
     * The plain data key of {@code wrapped}.
     *
     * @throws EnvelopeOpenException when it was not wrapped by this provider's key for this associated data
     */
    byte[] unwrap(byte[] wrapped, Map<String, String> associatedData);

    /** A data key in both forms; {@link #forget()} overwrites the plain one once it has been used. */
    record DataKey(byte[] plain, byte[] wrapped) {
        public void forget() {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
