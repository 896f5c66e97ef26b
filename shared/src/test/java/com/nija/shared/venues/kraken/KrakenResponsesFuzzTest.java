package com.nija.shared.venues.kraken;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.VenueResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Fuzzes what Kraken (or anything between it and us) controls: an answer's body and status, read the way
 * {@link KrakenClient} reads it — the envelope and its errors, orders under every status into fills and open orders,
 * balances, and a pair's rules. A hostile answer may only end in a {@link BrokerException}, which tells the engine
 * what is known about the order; any other exception would leave it not knowing.
 */
class KrakenResponsesFuzzTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-06-16T12:00:00Z"), ZoneOffset.UTC);
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);
    private static final int[] STATUSES = {200, 200, 200, 429, 502};

    /** The first byte picks the HTTP status (mostly 200), the rest is the body. */
    @FuzzTest
    void body(byte[] input) {
        int status = input.length == 0 ? 200 : STATUSES[(input[0] & 0xff) % STATUSES.length];
        String body = input.length == 0 ? "" : new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        KrakenAnswer answer = KrakenAnswer.of(new VenueResponse(status, NO_HEADERS, body));

        JsonNode result = onlyBrokerExceptions(() -> answer.result(CLOCK));

        if (result != null) {
            for (JsonNode orders : new JsonNode[] {result, result.path("open"), result.path("closed")}) {
                onlyBrokerExceptions(() -> KrakenOrder.all(orders).stream()
                        .peek(o -> o.toFill("2ce5778d-956c-3343-adfc-12c93f592015", CLOCK))
                        .map(KrakenOrder::toOpenOrder).toList());
            }
            onlyBrokerExceptions(() -> KrakenAssets.balances(result));
            onlyBrokerExceptions(() -> KrakenPairs.rules(result, "XBTUSD"));
        }
    }

    private static <T> T onlyBrokerExceptions(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (BrokerException known) {
            return null;
        } catch (RuntimeException e) {
            throw new AssertionError("a Kraken answer must be read or end in a BrokerException, not "
                    + e.getClass().getName() + ": " + e.getMessage(), e);
        }
    }
}
