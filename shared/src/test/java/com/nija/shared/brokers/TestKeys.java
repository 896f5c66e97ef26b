package com.nija.shared.brokers;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Keys as the venues issue them, made fresh for tests. Coinbase's: a P-256 key pair in SEC 1 DER (RFC 5915
 * {@code ECPrivateKey} with the curve and the public key), PEM-armoured as {@code EC PRIVATE KEY} — the same bytes
 * {@code openssl ecparam -name prime256v1 -genkey -noout} writes.
 */
final class TestKeys {
    /** openssl ecparam -name secp384r1 -genkey -noout: an EC key on a curve ES256 does not sign with. */
    static final String P384 = """
            -----BEGIN EC PRIVATE KEY-----
            MIGkAgEBBDD/sQ7Q0kHjoqDMDTb7s0G38p9t0Psq4kB3DZ92Eo+tvjB0UwCjAz1H
            foVyz2BoqIugBwYFK4EEACKhZANiAASp9L3WGLTHzd2hP2pNCmgdlnDmUWA/Anu/
            ZEjT6QoYe9gOmQU6OZF3wJkj+ZexQXLe7jbhTrvzT2DYEy95ugVJLC6FY4xAcrHn
            8RWHoe0svHhQ3hExpXjmmX95HboVrQU=
            -----END EC PRIVATE KEY-----
            """;
    /** openssl pkcs8 -topk8 -nocrypt of a P-256 key: PKCS#8, which Coinbase does not issue. */
    static final String P256_PKCS8 = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgsugKPRFkbDKc7pG3
            xpcKtlzXmHECtfyDpiPaduvgJlShRANCAAQF1LNnc1Q1Gnnw1SCUUuwstxkFIvyb
            Lh4ee+tBHRcl5ncm0bp32x+8nf8SjicKrs6bPi7FO/E4hltZuVxsSnM0
            -----END PRIVATE KEY-----
            """;
    /** openssl ecparam -name prime256v1 -genkey (without -noout): the curve's parameters block comes first. */
    static final String P256_WITH_PARAMETERS = """
            -----BEGIN EC PARAMETERS-----
            BggqhkjOPQMBBw==
            -----END EC PARAMETERS-----
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIHowf6jcKP+UgPavB4E9ealJA/lAUqYXdSXpnMHciVV4oAoGCCqGSM49
            AwEHoUQDQgAEN7ORaltSekMAmCM7e7OnFuJco1AdvrnHH6IlGuruqy92UHcM9rGA
            xzxSjKdT13VQnDD4s42b/mbpaNMemgP1OQ==
            -----END EC PRIVATE KEY-----
            """;
    /** A CDP Ed25519 secret as the portal shows it (base64, no PEM): Advanced Trade's ES256 cannot use it. */
    static final String ED25519 = "lcWSaCwaB+XxEeGaumHrwP6E1unX2xE+VZF6McgSczkHr5v4Iajs5XlxAEQfdH+4edv5ALxWJKDaWCD+vquOrQ==";

    private TestKeys() {}

    /** A new P-256 key in Coinbase's PEM, with {@code lineBreak} between lines ({@code \n}, or the two characters). */
    static String coinbasePem(String lineBreak) {
        byte[] der = sec1(newP256());
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder pem = new StringBuilder(EcKeyPem.BEGIN).append(lineBreak);
        for (int i = 0; i < b64.length(); i += 64) pem.append(b64, i, Math.min(b64.length(), i + 64)).append(lineBreak);
        return pem.append(EcKeyPem.END).append(lineBreak).toString();
    }

    static String coinbasePem() {
        return coinbasePem("\n");
    }

    private static KeyPair newP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code SEQUENCE { INTEGER 1, OCTET STRING d, [0] OID prime256v1, [1] BIT STRING 04|X|Y }}. */
    private static byte[] sec1(KeyPair pair) {
        ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x01, 0x04, 0x20});
        body.writeBytes(fixed(priv.getS()));
        body.writeBytes(new byte[] {(byte) 0xA0, 0x0A, 0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07});
        body.writeBytes(new byte[] {(byte) 0xA1, 0x44, 0x03, 0x42, 0x00, 0x04});
        body.writeBytes(fixed(pub.getW().getAffineX()));
        body.writeBytes(fixed(pub.getW().getAffineY()));
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(0x30);
        der.write(body.size());
        der.writeBytes(body.toByteArray());
        return der.toByteArray();
    }

    /** A coordinate or scalar as exactly 32 big-endian bytes. */
    private static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
