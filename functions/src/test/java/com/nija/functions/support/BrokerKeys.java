package com.nija.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.json.Json;
import com.nija.shared.venues.Venue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Keys as each venue issues them, with a fresh key id every time (so one test's script of the exchange never answers
 * another's), for {@code PUT /api/v1/brokers/{venue}}. Coinbase's private key is the one in
 * {@code events/api/connect-broker.json}, a P-256 key made for these tests.
 */
public final class BrokerKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * @param body    the request body
     * @param keyId   the key's public id (what the venue and the scripted exchange know it by)
     * @param secrets every secret value in the body, and the lines of a PEM's body: none may ever be logged or shown
     */
    public record Key(Venue venue, String body, String keyId, List<String> secrets) {
        public String hint() {
            return "…" + keyId.substring(keyId.length() - 4);
        }
    }

    private BrokerKeys() {}

    public static Key fresh(Venue venue) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        List<String> secrets = new ArrayList<>();
        switch (venue) {
            case COINBASE -> {
                String pem = coinbasePrivateKey();
                body.put("keyName", "organizations/" + UUID.randomUUID() + "/apiKeys/" + UUID.randomUUID())
                        .put("privateKey", pem);
                secrets.add(pem);
                pem.lines().filter(l -> !l.startsWith("-----")).forEach(secrets::add);
            }
            case KRAKEN -> {
                byte[] secret = new byte[64];
                RANDOM.nextBytes(secret);
                body.put("apiKey", alnum(56)).put("apiSecret", Base64.getEncoder().encodeToString(secret));
                secrets.add(body.get("apiSecret").textValue());
            }
            case OKX -> {
                body.put("apiKey", UUID.randomUUID().toString()).put("apiSecret", alnum(32))
                        .put("passphrase", "Pass-" + alnum(12)).put("demo", true);
                secrets.add(body.get("apiSecret").textValue());
                secrets.add(body.get("passphrase").textValue());
            }
            case BINANCE -> {
                body.put("apiKey", alnum(64)).put("apiSecret", alnum(64)).put("testnet", true);
                secrets.add(body.get("apiSecret").textValue());
            }
            case ALPACA -> {
                body.put("keyId", "PK" + alnum(18).toUpperCase()).put("secretKey", alnum(40)).put("paper", true);
                secrets.add(body.get("secretKey").textValue());
            }
        }
        String keyId = body.get(venue.credentialFields().get(0)).textValue();
        return new Key(venue, body.toString(), keyId, List.copyOf(secrets));
    }

    /** The P-256 private key of the sample event, as Coinbase issues it. */
    public static String coinbasePrivateKey() {
        JsonNode sample = Json.readTree(Events.http("api/connect-broker.json").getBody()).orElseThrow();
        return sample.get("privateKey").textValue();
    }

    private static String alnum(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) out.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        return out.toString();
    }
}
