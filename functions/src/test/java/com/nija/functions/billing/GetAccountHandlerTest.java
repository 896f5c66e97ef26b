package com.nija.functions.billing;

import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/account}: the plan a trader has, as the sample event asks for it. */
class GetAccountHandlerTest {
    static final Instant T = Instant.parse("2027-02-01T08:00:00Z");

    @Test
    @DisplayName("a trader without a subscription sees the free tier, status none and the free entitlements")
    void noSubscription() {
        StripeFixture f = StripeFixture.newCustomer();
        f.clock().set(T);

        JsonNode account = f.account();

        assertThat(account.path("userId").asText()).isEqualTo(f.userId);
        assertThat(account.path("tier").asText()).isEqualTo("free");
        assertThat(account.path("subscriptionStatus").asText()).isEqualTo("none");
        assertThat(account.path("entitlements").path("liveTrading").asBoolean()).isFalse();
        assertThat(account.path("entitlements").path("maxOpenPositions").asInt()).isEqualTo(3);
        assertThat(account.path("atPeriodEnd").path("action").asText()).isEqualTo("none");
    }

    @Test
    @DisplayName("a subscriber sees tier, status, renewal date, entitlements as exact strings and what happens at period end")
    void subscriber() {
        StripeFixture f = StripeFixture.newCustomer();
        f.clock().set(T);
        Instant periodEnd = T.plus(Duration.ofDays(28));
        ok(f.deliver(f.checkoutCompleted(T)));
        ok(f.deliver(f.subscription("created", T.plusSeconds(1), "active", StripeFixture.ENTERPRISE, T, periodEnd)));

        JsonNode account = ok(new GetAccountHandler(f.backends.context())
                .handleRequest(Events.http("api/get-account.json", f.userId), null));

        assertThat(account.path("tier").asText()).isEqualTo("enterprise");
        assertThat(account.path("subscriptionStatus").asText()).isEqualTo("active");
        assertThat(Instant.parse(account.path("renewsAt").asText())).isEqualTo(periodEnd);
        assertThat(account.path("atPeriodEnd").path("action").asText()).isEqualTo("renew");
        JsonNode entitlements = account.path("entitlements");
        assertThat(entitlements.path("maxPositionUsd").isTextual()).as("money is an exact string").isTrue();
        assertThat(entitlements.path("maxPositionUsd").asText()).isEqualTo("10000");
        assertThat(entitlements.path("maxOpenPositions").asInt()).isEqualTo(50);
        assertThat(entitlements.path("maxBrokers").asInt()).isEqualTo(-1);
        assertThat(entitlements.path("liveTrading").asBoolean()).isTrue();
        assertThat(entitlements.path("strategies")).isNotEmpty();
        assertThat(account.path("payment").path("newOrdersStopped").asBoolean()).isFalse();
    }
}
