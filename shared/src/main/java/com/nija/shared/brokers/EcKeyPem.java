package com.nija.shared.brokers;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A Coinbase CDP API private key as Coinbase issues it: a PEM {@code EC PRIVATE KEY} block (SEC 1 / RFC 5915
 * {@code ECPrivateKey}) on the P-256 curve, the key Advanced Trade's ES256 JWTs are signed with. Read here to refuse a
 * key that cannot sign before it is stored; the stored form is the same key re-armoured canonically (64-character
 * lines), whatever line breaks it came with — including the two-character {@code \n} a key pasted from a
 * {@code .env} file carries.
 */
public final class EcKeyPem {
    static final String BEGIN = "-----BEGIN EC PRIVATE KEY-----";
    static final String END = "-----END EC PRIVATE KEY-----";
    /** DER of OID 1.2.840.10045.3.1.7 (prime256v1 / secp256r1), the curve ES256 signs on. */
    private static final byte[] P256_OID = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
    private static final ECParameterSpec P256 = p256();

    private EcKeyPem() {}

    /** The key in canonical PEM, or empty when {@code text} is not a P-256 {@code EC PRIVATE KEY} PEM block. */
    public static Optional<String> canonical(String text) {
        return der(text).filter(EcKeyPem::isP256PrivateKey).map(EcKeyPem::armour);
    }

    private static Optional<byte[]> der(String text) {
        if (text == null) return Optional.empty();
        String pem = text.replace("\\n", "\n").replace("\\r", "").strip();
        int begin = pem.indexOf(BEGIN);
        if (begin < 0) return Optional.empty();
        // The end line is looked for after the begin line: the two share dashes ("…KEY-----END EC…").
        int end = pem.indexOf(END, begin + BEGIN.length());
        if (end < 0) return Optional.empty();
        String body = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s+", "");
        if (body.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static boolean isP256PrivateKey(byte[] der) {
        return scalar(der).flatMap(EcKeyPem::toKey).isPresent();
    }

    /**
     * The private scalar of an {@code ECPrivateKey} DER: {@code SEQUENCE { INTEGER 1, OCTET STRING d, [0] { OID
     * prime256v1 }, [1] public key (optional) }} — the curve named, and named P-256.
     */
    private static Optional<BigInteger> scalar(byte[] der) {
        Der.Reader outer = new Der.Reader(der);
        Optional<Der.Tlv> sequence = outer.next(0x30);
        if (sequence.isEmpty() || outer.hasMore()) return Optional.empty();
        Der.Reader fields = new Der.Reader(sequence.get().value());
        Optional<Der.Tlv> version = fields.next(0x02);
        Optional<Der.Tlv> privateKey = fields.next(0x04);
        Optional<Der.Tlv> parameters = fields.next(0xA0);
        if (version.isEmpty() || !Arrays.equals(version.get().value(), new byte[] {1})) return Optional.empty();
        if (privateKey.isEmpty() || privateKey.get().value().length == 0 || privateKey.get().value().length > 32) {
            return Optional.empty();
        }
        if (parameters.isEmpty()) return Optional.empty();
        Der.Reader curve = new Der.Reader(parameters.get().value());
        Optional<Der.Tlv> oid = curve.next(0x06);
        if (oid.isEmpty() || curve.hasMore() || !Arrays.equals(oid.get().value(), P256_OID)) return Optional.empty();
        BigInteger d = new BigInteger(1, privateKey.get().value());
        if (d.signum() <= 0 || d.compareTo(P256.getOrder()) >= 0) return Optional.empty();
        return Optional.of(d);
    }

    private static Optional<ECPrivateKey> toKey(BigInteger d) {
        try {
            return Optional.of((ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, P256)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static String armour(byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < b64.length(); i += 64) out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        return out.append(END).append('\n').toString();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 17 has secp256r1", e);
        }
    }

    /** Just enough DER to walk an {@code ECPrivateKey}: definite lengths, bounds checked, never reading past the end. */
    static final class Der {
        private Der() {}

        record Tlv(int tag, byte[] value) {}

        static final class Reader {
            private final byte[] bytes;
            private int at;

            Reader(byte[] bytes) {
                this.bytes = bytes;
            }

            boolean hasMore() {
                return at < bytes.length;
            }

            /** The next element when its tag is {@code tag} (consumed), else empty (nothing consumed). */
            Optional<Tlv> next(int tag) {
                if (at + 2 > bytes.length || (bytes[at] & 0xFF) != tag) return Optional.empty();
                int pos = at + 1;
                int first = bytes[pos++] & 0xFF;
                long length;
                if (first < 0x80) {
                    length = first;
                } else {
                    int count = first & 0x7F;
                    if (count == 0 || count > 3 || pos + count > bytes.length) return Optional.empty();
                    length = 0;
                    for (int i = 0; i < count; i++) length = (length << 8) | (bytes[pos++] & 0xFF);
                }
                if (length > bytes.length - pos) return Optional.empty();
                byte[] value = Arrays.copyOfRange(bytes, pos, pos + (int) length);
                at = pos + (int) length;
                return Optional.of(new Tlv(tag, value));
            }
        }
    }
}
