package com.nija.shared.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading the sample events in {@code events/stripe/} (the current API version's shapes). */
class StripeObjectsTest {
    private static StripeEvent sample(String file) throws IOException {
        return StripeWebhookVerifier.read(Files.readString(Path.of("../events/stripe", file)));
    }

    @Test
    @DisplayName("a subscription's period comes from its items, its price from the item's price and lookup key")
    void subscription() throws IOException {
        StripeObjects.Subscription s = StripeObjects.subscription(sample("customer-subscription-updated.json").object());

        assertThat(s.status()).isEqualTo("active");
        assertThat(s.customerId()).isEqualTo("cus_TQd7nYw2kHcE4x");
        assertThat(s.currentPeriodStart()).isEqualTo(Instant.parse("2026-11-16T09:15:02Z"));
        assertThat(s.currentPeriodEnd()).isEqualTo(Instant.parse("2026-12-16T09:15:02Z"));
        assertThat(s.lines()).singleElement().satisfies(l -> {
            assertThat(l.lookupKey()).isEqualTo("nija_pro_monthly");
            assertThat(l.monthlyAmount()).isEqualByComparingTo("149");
        });
    }

    @Test
    @DisplayName("an invoice's subscription is read from parent.subscription_details")
    void invoice() throws IOException {
        StripeObjects.Invoice i = StripeObjects.invoice(sample("invoice-payment-failed.json").object());

        assertThat(i.subscriptionId()).isEqualTo("sub_1SQd7qLfX2nija8Rk0TrPro1");
        assertThat(i.amountDue()).isEqualTo(14900);
        assertThat(i.attemptCount()).isEqualTo(1);
        assertThat(StripeJson.money(i.amountDue(), i.currency())).isEqualByComparingTo("149.00");
    }

    @Test
    @DisplayName("checkout.session.completed names the trader in client_reference_id")
    void checkout() throws IOException {
        StripeObjects.CheckoutSession c = StripeObjects.checkoutSession(sample("checkout-session-completed.json").object());

        assertThat(c.clientReferenceId()).isEqualTo("demo-trader");
        assertThat(c.customerId()).isEqualTo("cus_TQd7nYw2kHcE4x");
        assertThat(c.subscriptionId()).isEqualTo("sub_1SQd7qLfX2nija8Rk0TrPro1");
    }

    @Test
    @DisplayName("a yearly price is a twelfth a month; zero-decimal currencies have no cents")
    void amounts() {
        StripeObjects.Line yearly = new StripeObjects.Line("p", "nija_pro_yearly", new java.math.BigDecimal("143040"), 1,
                "year", 1, "usd");
        assertThat(yearly.monthlyAmount()).isEqualByComparingTo("119.20");
        assertThat(StripeJson.money(500, "jpy")).isEqualByComparingTo("500");
        assertThat(StripeJson.money(1234, "kwd")).isEqualByComparingTo("1.234");
    }

    @Test
    @DisplayName("a body without id, type, created or data.object is not a Stripe event")
    void notAnEvent() {
        assertThatThrownBy(() -> StripeWebhookVerifier.read("{\"id\":\"evt_1\",\"type\":\"x\"}"))
                .isInstanceOf(com.nija.shared.problem.InvalidInputException.class);
    }

    @Test
    @DisplayName("a created time beyond any date (found by fuzzing) is no Stripe event, not a server error")
    void createdBeyondAnyDate() {
        String payload = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":9223372036854775807,"
                + "\"data\":{\"object\":{\"id\":\"in_1\",\"created\":-9223372036854775808}}}";

        assertThatThrownBy(() -> StripeWebhookVerifier.read(payload))
                .isInstanceOf(com.nija.shared.problem.InvalidInputException.class);
    }

    @Test
    @DisplayName("a number too large for any reader (found by fuzzing) is no Stripe event, not a server error")
    void numberBeyondAnyReader() {
        String payload = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":1795774530,"
                + "\"data\":{\"object\":{\"id\":\"in_1\",\"amount_due\":1e888888888888888888}}}";

        assertThatThrownBy(() -> StripeWebhookVerifier.read(payload))
                .isInstanceOf(com.nija.shared.problem.InvalidInputException.class);
    }

    @Test
    @DisplayName("a unit_amount_decimal that is not Stripe's decimal (found by fuzzing) counts as no amount")
    void malformedUnitAmountDecimal() {
        String payload = "{\"id\":\"evt_1\",\"type\":\"customer.subscription.updated\",\"created\":1795774530,"
                + "\"data\":{\"object\":{\"id\":\"sub_1\",\"customer\":\"cus_1\",\"status\":\"active\","
                + "\"items\":{\"data\":[{\"price\":{\"unit_amount_decimal\":\"49.00.1\",\"currency\":\"usd\"}},"
                + "{\"price\":{\"unit_amount_decimal\":\"1e999999999\",\"currency\":\"usd\"}},"
                + "{\"price\":{\"unit_amount_decimal\":\"4900.5\",\"currency\":\"usd\"}}]}}}}";

        StripeObjects.Subscription s = StripeObjects.subscription(StripeWebhookVerifier.read(payload).object());

        assertThat(s.lines()).extracting(StripeObjects.Line::unitAmount)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, new java.math.BigDecimal("4900.5"));
    }
}
