package com.nija.shared.signals;

import com.nija.shared.crypto.Envelope;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Sources' shared secrets: made here, sealed with the {@link Envelope} bound to the source (id and kind), so a sealed
 * secret copied onto another source's item does not open there.
 */
@Singleton
public class SourceSecrets {
    private final Envelope envelope;

    public SourceSecrets(Envelope envelope) {
        this.envelope = envelope;
    }

    /** A new secret: 256 random bits, base64url (fits a TradingView alert's JSON and an HMAC key alike). */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String seal(String sourceId, String kind, String secret) {
        return envelope.sealText(secret, associatedData(sourceId, kind));
    }

    /** @throws com.nija.shared.crypto.EnvelopeOpenException when {@code sealed} is not this source's secret */
    public String open(String sourceId, String kind, String sealed) {
        return envelope.openText(sealed, associatedData(sourceId, kind));
    }

    private static Map<String, String> associatedData(String sourceId, String kind) {
        // "purpose" keeps sources' data keys apart from other values sealed under the same KMS key (broker keys).
        return Map.of("purpose", "signal-source", "source", sourceId, "kind", kind);
    }
}
