package com.nija.shared.billing;

import static com.nija.shared.testing.Refusals.acceptedOrRefused;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes a Stripe webhook payload after its signature verified (Stripe signs what it sends, but its objects change
 * shape across API versions): reading the event and every object billing reads from it either works or refuses
 * with a problem type, never another exception.
 */
class StripeEventFuzzTest {

    @FuzzTest
    void payload(byte[] input) {
        String payload = new String(input, StandardCharsets.UTF_8);

        StripeEvent event = acceptedOrRefused(() -> StripeWebhookVerifier.read(payload));

        if (event != null) {
            acceptedOrRefused(() -> {
                StripeObjects.subscription(event.object()).lines().forEach(StripeObjects.Line::monthlyAmount);
                StripeObjects.invoice(event.object());
                return StripeObjects.checkoutSession(event.object());
            });
        }
    }
}
