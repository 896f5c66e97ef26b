package com.nija.functions.signals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.functions.support.Events;
import com.nija.functions.support.FuzzBackends;
import com.nija.functions.support.ServerFaults;
import com.nija.shared.signals.SignalAuthenticator;
import com.nija.shared.signals.SourceRateLimits;
import com.nija.shared.signals.SourceRegistry;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Fuzzes {@code POST /api/v1/signals} through its handler: any body (correctly signed, so the parser sees it) and
 * any {@code X-Nija-Signature} header. Every answer is a 2xx or a problem+json 4xx, never a 5xx.
 */
class SignalIntakeFuzzTest {
    private static final String SOURCE = "fuzz-signals";
    private static final String SECRET = "fuzz-signals-secret-7f3e";
    private static final String VALID_BODY = "{\"symbol\":\"BTC-USD\",\"action\":\"buy\",\"quantityType\":\"usd\","
            + "\"quantity\":\"1\",\"strategy\":\"fuzz\"}";

    private static ApplicationContext context;
    private static SignalIntakeHandler handler;

    private static synchronized SignalIntakeHandler handler() {
        if (handler == null) {
            context = FuzzBackends.context();
            // A fuzzing run sends far more than any source's minute: unlimited, so every input reaches the parser.
            context.getBean(SourceRegistry.class).register(SOURCE, "SIGNALS", SECRET, List.of("*"),
                    SourceRateLimits.MAX_PER_MINUTE, context.getBean(Clock.class).instant());
            handler = new SignalIntakeHandler(context);
        }
        return handler;
    }

    @FuzzTest
    void body(byte[] input) {
        SignalIntakeHandler intake = handler();
        String body = new String(input, StandardCharsets.UTF_8);
        String signature = SignalAuthenticator.sign(SECRET, body, context.getBean(Clock.class).instant());

        ServerFaults.assertNone(intake.handleRequest(request(body, signature), null), body);
    }

    @FuzzTest
    void signatureHeader(byte[] input) {
        SignalIntakeHandler intake = handler();
        String signature = new String(input, StandardCharsets.UTF_8);

        ServerFaults.assertNone(intake.handleRequest(request(VALID_BODY, signature), null), signature);
    }

    private static APIGatewayV2HTTPEvent request(String body, String signature) {
        APIGatewayV2HTTPEvent event = Events.withBody(Events.http("api/signal-intake.json"), body);
        event = Events.withHeader(event, "X-Nija-Source", SOURCE);
        return Events.withHeader(event, "X-Nija-Signature", signature);
    }
}
