package com.nija.shared.venues.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.venues.VenueResponse;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Fuzzes what Alpaca (or whatever answers in its place) sends back: the same body read as an order, a list of orders,
 * an account, positions, an asset and an error. Each reading either works or fails with a {@link BrokerException};
 * any other exception would escape the engine's handling of venue answers.
 */
class AlpacaResponsesFuzzTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-06-16T12:00:00Z"), ZoneOffset.UTC);

    @FuzzTest
    void body(byte[] input) {
        String raw = new String(input, StandardCharsets.UTF_8);
        VenueResponse response = new VenueResponse(422, HttpHeaders.of(Map.of(), (k, v) -> true), raw);
        JsonNode json = response.json();

        readOrFail(() -> {
            Fill fill = AlpacaOrder.read(json).fill().orElse(null);
            if (fill != null && fill.status() != Fill.Status.RESTING) {
                assertThat(fill.quantity()).isPositive();
                assertThat(fill.price()).isPositive();
                assertThat(fill.at()).isNotNull();
            }
        });
        readOrFail(() -> AlpacaOrder.readList(json).forEach(AlpacaOrder::fill));
        readOrFail(() -> assertThat(AlpacaAccounts.check(json).ok()).isIn(true, false));
        readOrFail(() -> AlpacaAccounts.balances(json, json.path("positions")));
        readOrFail(() -> AlpacaAssets.rules("BTC/USD", json, BigDecimal.ONE));
        readOrFail(() -> assertThat(AlpacaErrors.refusedOrder(response, CLOCK).getMessage()).hasSizeLessThan(260));
        readOrFail(() -> AlpacaErrors.duplicateClientOrderId(response));
    }

    private static void readOrFail(Runnable reading) {
        try {
            reading.run();
        } catch (BrokerException expected) {
            // an answer NIJA cannot read is a BrokerException: the engine knows what to do with it
        }
    }
}
