package com.nija.shared.venues.coinbase;

import com.nija.shared.broker.BrokerException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CDP API key's private key as Coinbase issues it: a PEM {@code -----BEGIN EC PRIVATE KEY-----} block holding a
 * SEC1 {@code ECPrivateKey} on P-256 (RFC 5915), often pasted with its line breaks as literal {@code \n}. The JDK reads
 * only PKCS#8, so the SEC1 structure is read here and the key rebuilt from its scalar; a PKCS#8
 * {@code -----BEGIN PRIVATE KEY-----} block is accepted too. Anything else is {@link Invalid}, whose message never
 * repeats the key. Public so the broker benchmark can time what a request costs to sign (the client reads the key for
 * every request).
 */
public final class CoinbasePrivateKey {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (EC )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]{1,4000})-----END (?:EC )?PRIVATE KEY-----");
    /** The DER encoding of OID 1.2.840.10045.3.1.7 (prime256v1 / secp256r1), as SEC1's {@code parameters} names it. */
    private static final byte[] P256_OID = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
    private static final ECParameterSpec P256 = p256();

    private CoinbasePrivateKey() {}

    /** The key is not a P-256 EC private key in PEM: the trader pasted something else, or only part of it. */
    static final class Invalid extends BrokerException {
        Invalid() {
            super(Kind.REJECTED, "invalid private key: expected the EC private key Coinbase issued with the key "
                    + "(PEM, -----BEGIN EC PRIVATE KEY-----, P-256)");
        }
    }

    public static ECPrivateKey parse(String pem) {
        // A key pasted from Coinbase's JSON download keeps its line breaks as the two characters \ and n.
        Matcher m = PEM.matcher(pem.replace("\\r", "").replace("\\n", "\n"));
        if (!m.find()) throw new Invalid();
        try {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            return m.group(1) != null ? fromSec1(der) : fromPkcs8(der);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException malformed) {
            throw new Invalid();
        }
    }

    /** {@code ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters OPTIONAL, [1] publicKey OPTIONAL }}. */
    private static ECPrivateKey fromSec1(byte[] der) throws GeneralSecurityException {
        Der key = Der.read(der, 0, der.length);
        if (key.tag != 0x30 || key.end != der.length) throw new Invalid();
        Der version = Der.read(der, key.start, key.end);
        if (version.tag != 0x02 || version.length != 1 || der[version.start] != 1) throw new Invalid();
        Der scalar = Der.read(der, version.end, key.end);
        if (scalar.tag != 0x04 || scalar.length < 1 || scalar.length > 32) throw new Invalid();
        for (int at = scalar.end; at < key.end; ) {
            Der field = Der.read(der, at, key.end);
            if (field.tag == (byte) 0xA0 && !Arrays.equals(der, field.start, field.end, P256_OID, 0, P256_OID.length)) {
                throw new Invalid(); // another curve: ES256 signs with P-256 only
            }
            at = field.end;
        }
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, scalar.start, scalar.end));
        if (s.signum() <= 0 || s.compareTo(P256.getOrder()) >= 0) throw new Invalid();
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, P256));
    }

    private static ECPrivateKey fromPkcs8(byte[] der) throws GeneralSecurityException {
        ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        ECParameterSpec params = key.getParams();
        if (!params.getOrder().equals(P256.getOrder()) || !params.getCurve().equals(P256.getCurve())) throw new Invalid();
        return key;
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    /** One DER element: its tag and where its contents start and end in the buffer. */
    private record Der(byte tag, int start, int length, int end) {
        static Der read(byte[] der, int at, int limit) {
            if (at + 2 > limit) throw new Invalid();
            byte tag = der[at];
            int first = der[at + 1] & 0xFF;
            int start = at + 2;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int octets = first & 0x7F;
                if (octets < 1 || octets > 2 || start + octets > limit) throw new Invalid();
                length = 0;
                for (int i = 0; i < octets; i++) length = (length << 8) | (der[start + i] & 0xFF);
                start += octets;
            }
            if (length > limit - start) throw new Invalid();
            return new Der(tag, start, length, start + length);
        }
    }
}
