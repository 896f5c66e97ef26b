package com.nija.local.bench;

import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.binance.BinanceSigner;
import com.nija.shared.venues.coinbase.CoinbasePrivateKey;
import com.nija.shared.venues.coinbase.CoinbaseSigner;
import com.nija.shared.venues.kraken.KrakenSigner;
import com.nija.shared.venues.okx.OkxSigner;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Real keys of each venue's shape, made for one benchmark run, and one request's signature computed the way each
 * client computes it for a placement (the same signer, key form and kind of payload), so that signing can be timed
 * apart from the HTTP call. Alpaca has no signature: its key id and secret go in headers as they are.
 */
final class BenchKeys {
    /** DER of OID 1.2.840.10045.3.1.7 (P-256), the curve a SEC1 key names in its {@code [0] parameters}. */
    private static final byte[] P256_OID = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random = new SecureRandom();

    /** A fresh key for {@code venue}: an EC P-256 key for Coinbase, random secrets of the documented form elsewhere. */
    VenueCredentials generate(Venue venue) {
        Map<String, String> fields = switch (venue) {
            case COINBASE -> Map.of("keyName", "organizations/" + hex(16) + "/apiKeys/" + hex(16),
                    "privateKey", coinbasePem());
            // Kraken shows its private key as base64 of 64 bytes.
            case KRAKEN -> Map.of("apiKey", base64(42), "apiSecret", base64(64));
            case OKX -> Map.of("apiKey", hex(16), "apiSecret", hex(16).toUpperCase(java.util.Locale.ROOT),
                    "passphrase", alphanumeric(16));
            case BINANCE -> Map.of("apiKey", alphanumeric(64), "apiSecret", alphanumeric(64));
            case ALPACA -> Map.of("keyId", "PK" + alphanumeric(18).toUpperCase(java.util.Locale.ROOT),
                    "secretKey", alphanumeric(40));
        };
        return new VenueCredentials(venue, fields, false);
    }

    /**
     * One signature of a market buy of {@code venue}'s example size under {@code clientOrderId} by {@code key}, as its
     * client signs it (Coinbase's reads the PEM key for every request, so this does too); empty for Alpaca, which
     * signs nothing.
     */
    static Optional<Supplier<String>> placementSignature(VenueCredentials key, BenchVenue venue, String baseUrl,
                                                          String clientOrderId, Clock clock, LongSupplier nonces) {
        String symbol = venue.symbol();
        String size = venue.quantity().toPlainString();
        return switch (key.venue()) {
            case COINBASE -> {
                CoinbaseSigner signer = new CoinbaseSigner(clock);
                URI uri = URI.create(baseUrl + "/api/v3/brokerage/orders");
                yield Optional.of(() -> signer.authorization(key.field("keyName"),
                        CoinbasePrivateKey.parse(key.field("privateKey")), "POST", uri));
            }
            case KRAKEN -> Optional.of(() -> {
                long nonce = nonces.getAsLong();
                String body = "nonce=" + nonce + "&pair=" + symbol + "&type=buy&ordertype=market&volume=" + size
                        + "&cl_ord_id=" + clientOrderId + "&oflags=fciq";
                return KrakenSigner.sign("/0/private/AddOrder", nonce, body, key.field("apiSecret"));
            });
            case OKX -> Optional.of(() -> OkxSigner.sign(key.field("apiSecret"), OkxSigner.timestamp(clock.instant()),
                    "POST", "/api/v5/trade/order", "{\"instId\":\"" + symbol + "\",\"tdMode\":\"cash\",\"clOrdId\":\""
                            + clientOrderId + "\",\"side\":\"buy\",\"ordType\":\"market\",\"sz\":\"" + size + "\","
                            + "\"tgtCcy\":\"base_ccy\",\"banAmend\":true}"));
            case BINANCE -> Optional.of(() -> BinanceSigner.sign(key.field("apiSecret"), "", "symbol=" + symbol
                    + "&side=BUY&type=MARKET&quantity=" + size + "&newClientOrderId=" + clientOrderId
                    + "&newOrderRespType=FULL&recvWindow=5000&timestamp=" + clock.millis()));
            case ALPACA -> Optional.empty();
        };
    }

    /** A P-256 key as Coinbase issues it: PEM {@code EC PRIVATE KEY} around SEC1 {@code {1, d, [0] P-256}}. */
    private String coinbasePem() {
        ECPrivateKey key;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            key = (ECPrivateKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        // SEQUENCE (49 bytes) { INTEGER 1, OCTET STRING (32) d, [0] (10) OID }: every length fits one byte.
        der.writeBytes(new byte[] {0x30, 0x31, 0x02, 0x01, 0x01, 0x04, 0x20});
        der.writeBytes(fixed32(key.getS()));
        der.writeBytes(new byte[] {(byte) 0xA0, 0x0A});
        der.writeBytes(P256_OID);
        return "-----BEGIN EC PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(der.toByteArray())
                + "\n-----END EC PRIVATE KEY-----\n";
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }

    private String hex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    private String base64(int bytes) {
        return Base64.getEncoder().encodeToString(randomBytes(bytes));
    }

    private String alphanumeric(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        return s.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
