package com.nija.functions.signals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.functions.support.Events;
import com.nija.functions.support.FuzzBackends;
import com.nija.functions.support.ServerFaults;
import com.nija.shared.signals.SourceRateLimits;
import com.nija.shared.signals.SourceRegistry;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Fuzzes the price batch of {@code POST /internal/prices} through its handler, correctly signed so the batch parser
 * sees every input. Every answer is a 2xx or a problem+json 4xx, never a 5xx.
 */
class PriceIngestFuzzTest {
    private static final String FEED = "fuzz-prices";
    private static final String SECRET = "fuzz-prices-secret-2b9d";

    private static ApplicationContext context;
    private static PriceIngestHandler handler;

    private static synchronized PriceIngestHandler handler() {
        if (handler == null) {
            context = FuzzBackends.context();
            // A fuzzing run sends far more than any source's minute: unlimited, so every input reaches the parser.
            context.getBean(SourceRegistry.class).register(FEED, "PRICES", SECRET, List.of(),
                    SourceRateLimits.MAX_PER_MINUTE, context.getBean(Clock.class).instant());
            handler = new PriceIngestHandler(context);
        }
        return handler;
    }

    @FuzzTest
    void batch(byte[] input) {
        PriceIngestHandler ingest = handler();
        String body = new String(input, StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent event = Events.signed(Events.http("api/price-ingest.json"), FEED, SECRET, body,
                context.getBean(Clock.class).instant());

        ServerFaults.assertNone(ingest.handleRequest(event, null), body);
    }
}
