package com.nija.functions.billing;

import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.dashboard.GetDashboardHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's promise that a Stripe tier change is not hidden by a cached view: read warm, change, read again. */
class TierChangeCacheTest {
    static final Instant T = Instant.parse("2027-03-01T10:00:00Z");
    static final Instant PERIOD_END = T.plus(Duration.ofDays(30));

    @Test
    @DisplayName("an upgrade delivered by Stripe shows on the next dashboard read, though the dashboard was cached")
    void upgradeInvalidatesTheDashboard() {
        StripeFixture f = StripeFixture.newCustomer();
        f.clock().set(T);
        ok(f.deliver(f.checkoutCompleted(T)));
        ok(f.deliver(f.subscription("created", T.plusSeconds(1), "active", StripeFixture.BASIC, T, PERIOD_END)));
        GetDashboardHandler dashboard = new GetDashboardHandler(f.backends.context());
        dashboard(dashboard, f);
        double hits = LocalBackends.get().metrics().total("CacheHit");
        JsonNode warm = dashboard(dashboard, f);
        assertThat(LocalBackends.get().metrics().total("CacheHit")).as("second read from the cache").isGreaterThan(hits);
        assertThat(warm.path("tier").asText()).isEqualTo("basic");

        ok(f.deliver(f.subscription("updated", T.plus(Duration.ofDays(3)), "active", StripeFixture.PRO, T, PERIOD_END)));

        assertThat(dashboard(dashboard, f).path("tier").asText()).isEqualTo("pro");
        assertThat(f.account().path("tier").asText()).isEqualTo("pro");
    }

    private static JsonNode dashboard(GetDashboardHandler handler, StripeFixture f) {
        return ok(handler.handleRequest(Events.http("api/get-dashboard.json", f.userId), null));
    }
}
