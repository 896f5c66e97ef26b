package com.nija.shared.venues.coinbase;

import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * A CDP API key made for a test: a P-256 key pair from the JDK, its private key written as Coinbase hands it out —
 * PEM {@code -----BEGIN EC PRIVATE KEY-----} around a SEC1 {@code ECPrivateKey} (RFC 5915) with the curve's OID and
 * the public key, the 121-byte structure whose base64 starts {@code MHcCAQEE}. Encoded here by hand, independently of
 * the client's reader.
 */
record CoinbaseTestKeys(String keyName, KeyPair pair) {
    private static final byte[] P256_OID = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};

    static CoinbaseTestKeys generate(String keyName) {
        return new CoinbaseTestKeys(keyName, pair("secp256r1"));
    }

    static KeyPair pair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    ECPublicKey publicKey() {
        return (ECPublicKey) pair.getPublic();
    }

    /** The private key as Coinbase issues it, with real line breaks. */
    String sec1Pem() {
        return pem("EC PRIVATE KEY", sec1(pair));
    }

    /** The same key in the PKCS#8 form some tools convert it to. */
    String pkcs8Pem() {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    VenueCredentials credentials() {
        return credentials(sec1Pem());
    }

    VenueCredentials credentials(String privateKey) {
        return new VenueCredentials(Venue.COINBASE, Map.of("keyName", keyName, "privateKey", privateKey), false);
    }

    /** SEQUENCE { INTEGER 1, OCTET STRING d, [0] { OID prime256v1 }, [1] { BIT STRING 04‖x‖y } }. */
    static byte[] sec1(KeyPair pair) {
        return sec1(pair, P256_OID);
    }

    /** The same structure naming the curve {@code curveOid} (DER, tag included), for keys that lie about their curve. */
    static byte[] sec1(KeyPair pair, byte[] curveOid) {
        ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        ByteArrayOutputStream point = new ByteArrayOutputStream();
        point.write(0x04);
        point.writeBytes(fixed32(publicKey.getW().getAffineX()));
        point.writeBytes(fixed32(publicKey.getW().getAffineY()));
        byte[] bitString = concat(new byte[] {0x00}, point.toByteArray());
        byte[] body = concat(
                tlv(0x02, new byte[] {0x01}),
                tlv(0x04, fixed32(privateKey.getS())),
                tlv(0xA0, curveOid),
                tlv(0xA1, tlv(0x03, bitString)));
        return tlv(0x30, body);
    }

    static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    /** A DER element with a short-form length: every part of a P-256 SEC1 key is under 128 bytes. */
    private static byte[] tlv(int tag, byte[] value) {
        if (value.length > 127) throw new IllegalArgumentException("long form not needed here");
        return concat(new byte[] {(byte) tag, (byte) value.length}, value);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
