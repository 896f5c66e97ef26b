package com.nija.shared.venues.coinbase;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.json.Json;
import com.nija.shared.venues.VenueResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes what Coinbase (or whatever answers in its place) sends back: each body goes through every reader of
 * {@link CoinbaseResponses} and {@link CoinbaseErrors}, and a trader's pasted private key through
 * {@link CoinbasePrivateKey}. Each either reads or throws a {@link BrokerException} — the engine's outcomes — never
 * another exception.
 */
class CoinbaseResponsesFuzzTest {
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    @FuzzTest
    void answer(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        JsonNode json = Json.readTree(body).orElse(MissingNode.getInstance());

        readOrRefuse(() -> CoinbaseResponses.placed(json));
        readOrRefuse(() -> CoinbaseResponses.order(json).fill());
        readOrRefuse(() -> CoinbaseResponses.orders(json).items().forEach(o -> {
            readOrRefuse(o::fill);
            readOrRefuse(o::open);
        }));
        readOrRefuse(() -> CoinbaseResponses.permissions(json));
        readOrRefuse(() -> CoinbaseResponses.rules("BTC-USD", json));
        readOrRefuse(() -> CoinbaseResponses.accounts(json));
        readOrRefuse(() -> CoinbaseResponses.cancelFailure(json));
        for (int status : List.of(400, 401, 403, 404, 429, 500, 503)) {
            readOrRefuse(() -> CoinbaseErrors.of(new VenueResponse(status, NO_HEADERS, body), "the fuzz"));
        }
    }

    @FuzzTest
    void privateKey(byte[] input) {
        readOrRefuse(() -> CoinbasePrivateKey.parse(new String(input, StandardCharsets.UTF_8)));
    }

    private static void readOrRefuse(Runnable read) {
        try {
            read.run();
        } catch (BrokerException refused) {
            // the one allowed failure: the engine maps its kind
        }
    }
}
