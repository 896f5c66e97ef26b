package com.nija.shared.crypto;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * Data keys from AWS KMS: {@code GenerateDataKey} (AES-256) to seal, {@code Decrypt} to open, with the associated
 * data as the encryption context (so KMS refuses to unwrap a data key for another item, and CloudTrail shows which
 * item each use was for). The key is the stack's multi-Region envelope key: a value sealed in one region opens in
 * the others, whose replica keys share its id.
 */
public final class KmsDataKeys implements DataKeyProvider {
    private final KmsClient kms;
    private final String keyId;

    public KmsDataKeys(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public DataKey newDataKey(Map<String, String> associatedData) {
        GenerateDataKeyResponse r = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(associatedData));
        return new DataKey(r.plaintext().asByteArray(), r.ciphertextBlob().asByteArray());
    }

    @Override
    public byte[] unwrap(byte[] wrapped, Map<String, String> associatedData) {
        try {
            // Naming the key makes KMS refuse a blob wrapped under any other key, instead of trying it.
            return kms.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(associatedData)).plaintext().asByteArray();
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            throw new EnvelopeOpenException("KMS refused to unwrap the data key", e);
        }
    }
}
