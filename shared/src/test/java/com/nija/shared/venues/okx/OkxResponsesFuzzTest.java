package com.nija.shared.venues.okx;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.VenueResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fuzzes OKX's answers (outside input, from the venue or whatever stands in its way): reading the envelope, an order
 * and its fill, rules, permissions, balances and open orders, and mapping the answer as an error, either works or
 * fails with a {@link BrokerException} — never another exception, which would escape the engine's outcomes.
 */
class OkxResponsesFuzzTest {
    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (name, value) -> true);

    @FuzzTest
    void answer(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        for (int status : new int[] {200, 400, 429, 503}) {
            OkxAnswer answer = OkxAnswer.of(new VenueResponse(status, NONE, body));
            readOrRefuse(() -> OkxResponses.order(answer.first()).toFill());
            readOrRefuse(() -> OkxResponses.rules("BTC-USDT", answer.data()));
            readOrRefuse(() -> OkxResponses.permissions(answer.data()));
            readOrRefuse(() -> OkxResponses.balances(answer.data()));
            readOrRefuse(() -> OkxResponses.openOrders(answer.data()));
            readOrRefuse(() -> OkxErrors.failure("order abc", answer));
        }
    }

    private static void readOrRefuse(Supplier<?> read) {
        try {
            read.get();
        } catch (BrokerException refused) {
            // the venue's answer could not be used: the engine hears why
        }
    }
}
