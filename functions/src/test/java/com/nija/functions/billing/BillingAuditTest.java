package com.nija.functions.billing;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.audit.GetAuditHandler;
import com.nija.functions.support.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A tier change billing makes is in the trader's audit trail, as billing's, once however often Stripe delivers it. */
class BillingAuditTest {
    @Test
    @DisplayName("a Stripe upgrade from basic to pro is recorded as billing's change of tier; a redelivery adds nothing")
    void tierChangesRecordedOnce() {
        StripeFixture f = StripeFixture.newCustomer();
        Instant t = BillingBackends.START;
        Instant end = t.plus(Duration.ofDays(30));
        ok(f.deliver(f.checkoutCompleted(t)));
        ok(f.deliver(f.subscription("created", t.plusSeconds(1), "active", StripeFixture.BASIC, t, end)));
        var upgrade = f.subscription("updated", t.plus(Duration.ofDays(3)), "active", StripeFixture.PRO, t, end);
        f.clock().advance(Duration.ofDays(3));

        ok(f.deliver(upgrade));
        ok(f.deliver(upgrade));
        JsonNode items = ok(new GetAuditHandler(f.backends.context()).handleRequest(
                Events.withQuery(Events.http("api/get-audit.json", f.userId), Map.of()), null)).path("items");

        assertThat(texts(items, "actor")).containsOnly("billing");
        assertThat(texts(items, "action")).containsOnly("billing tier change");
        assertThat(items.get(0).path("before").path("tier").asText()).isEqualTo("basic");
        assertThat(items.get(0).path("after").path("tier").asText()).isEqualTo("pro");
        assertThat(texts(items, "")).hasSize(2); // free → basic, basic → pro: the redelivery wrote none
    }
}
