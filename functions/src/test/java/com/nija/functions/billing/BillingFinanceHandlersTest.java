package com.nija.functions.billing;

import static com.nija.functions.billing.StripeFixture.BASIC;
import static com.nija.functions.billing.StripeFixture.ENTERPRISE;
import static com.nija.functions.billing.StripeFixture.PRO;
import static com.nija.functions.billing.StripeFixture.PRO_YEARLY;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.functions.support.Events;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The finance API on a table of its own, seeded through the webhook with seven subscriptions whose figures are worked
 * out by hand below.
 */
class BillingFinanceHandlersTest {
    static final BillingBackends BACKENDS = BillingBackends.forTable("nija-trading-billing-finance");
    static final Instant NOW = Instant.parse("2027-03-20T12:00:00Z");
    static final List<String> SUBSCRIPTIONS = new ArrayList<>();

    private static BillingMetricsHandler metrics;
    private static BillingSubscribersHandler subscribers;

    /**
     * A pro monthly since January (paying all along); B basic, new in March; C pro yearly since February
     * (143040 / 12 = 119.20 a month); D enterprise from January, canceled 12 March (churned); E pro trial started
     * 15 March (new, not paying); F basic since 10 February, past_due since 2 March after two failed attempts
     * (paying: it owes the period); G incomplete since 5 March (never paid: counted nowhere).
     */
    @BeforeAll
    static void seed() {
        BACKENDS.clock().set(Instant.parse("2027-01-01T00:00:00Z"));
        subscribe(PRO, "2027-01-05T10:00:00Z", "active");
        subscribe(BASIC, "2027-03-03T10:00:00Z", "active");
        subscribe(PRO_YEARLY, "2027-02-01T10:00:00Z", "active");
        StripeFixture d = subscribe(ENTERPRISE, "2027-01-10T10:00:00Z", "active");
        at("2027-03-12T09:00:00Z", d, started(d.subscription("deleted", Instant.parse("2027-03-12T09:00:00Z"),
                "canceled", ENTERPRISE, Instant.parse("2027-03-10T10:00:00Z"), Instant.parse("2027-04-10T10:00:00Z")),
                "2027-01-10T10:00:00Z"));
        StripeFixture e = subscribe(PRO, "2027-03-15T10:00:00Z", "trialing");
        StripeFixture f = subscribe(BASIC, "2027-02-10T10:00:00Z", "active");
        at("2027-03-02T10:00:00Z", f, f.invoice("invoice.payment_failed", Instant.parse("2027-03-02T10:00:00Z"),
                f.invoiceId(1), 4900, 1));
        at("2027-03-02T10:00:01Z", f, started(f.subscription("updated", Instant.parse("2027-03-02T10:00:01Z"),
                "past_due", BASIC, Instant.parse("2027-03-10T10:00:00Z"), Instant.parse("2027-04-10T10:00:00Z")),
                "2027-02-10T10:00:00Z"));
        at("2027-03-05T10:00:00Z", f, f.invoice("invoice.payment_failed", Instant.parse("2027-03-05T10:00:00Z"),
                f.invoiceId(1), 4900, 2));
        at("2027-02-20T10:00:00Z", f, f.invoice("invoice.payment_failed", Instant.parse("2027-02-20T10:00:00Z"),
                f.invoiceId(0), 4900, 1)); // a February failure: not March's
        subscribe(PRO, "2027-03-05T10:00:00Z", "incomplete");
        assertThat(e.userId).isNotNull();
        BACKENDS.clock().set(NOW);
        metrics = new BillingMetricsHandler(BACKENDS.context());
        subscribers = new BillingSubscribersHandler(BACKENDS.context());
    }

    private static StripeFixture subscribe(StripeFixture.Price price, String start, String status) {
        StripeFixture f = StripeFixture.newCustomer(BACKENDS);
        Instant at = Instant.parse(start);
        ObjectNode created = started(f.subscription("created", at, status, price, at, at.plusSeconds(30L * 86400)), start);
        if ("trialing".equals(status)) f.withTrial(created, at, at.plusSeconds(14L * 86400));
        at(start, f, created);
        SUBSCRIPTIONS.add(f.subscriptionId);
        return f;
    }

    private static ObjectNode started(ObjectNode event, String start) {
        return StripeFixture.started(event, start);
    }

    private static void at(String when, StripeFixture f, ObjectNode event) {
        f.deliverAt(when, event);
    }

    private static APIGatewayV2HTTPEvent asFinance(String file, String caller, String groups, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = Events.withQuery(Events.http(file), query);
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        claims.put("sub", caller);
        if (groups == null) claims.remove("cognito:groups");
        else claims.put("cognito:groups", groups);
        jwt.setClaims(claims);
        return event;
    }

    private static APIGatewayV2HTTPResponse metrics(String month) {
        return metrics.handleRequest(asFinance("api/billing-metrics.json", "analyst", "[finance]",
                month == null ? Map.of() : Map.of("month", month)), null);
    }

    private static APIGatewayV2HTTPResponse subscribers(String caller, Map<String, String> query) {
        return subscribers.handleRequest(asFinance("api/billing-subscribers.json", caller, "[finance]", query), null);
    }

    @Test
    @DisplayName("March (current month): MRR 366.20, ARR 4394.40, ARPU 91.55 USD; 5 live by tier and status; 2 new; 1 churned of 4 (0.2500); 2 failed payments (98.00)")
    void currentMonth() {
        JsonNode m = ok(metrics("2027-03"));

        assertThat(m.path("month").asText()).isEqualTo("2027-03");
        JsonNode usd = m.path("revenue").get(0);
        assertThat(usd.path("currency").asText()).isEqualTo("usd");
        assertThat(usd.path("mrr").asText()).isEqualTo("366.20");
        assertThat(usd.path("arr").asText()).isEqualTo("4394.40");
        assertThat(usd.path("arpu").asText()).isEqualTo("91.55");
        assertThat(usd.path("payingSubscribers").asInt()).isEqualTo(4);
        assertThat(m.path("subscribers").path("pro").path("active").asInt()).isEqualTo(2);
        assertThat(m.path("subscribers").path("pro").path("trialing").asInt()).isEqualTo(1);
        assertThat(m.path("subscribers").path("basic").path("active").asInt()).isEqualTo(1);
        assertThat(m.path("subscribers").path("basic").path("past_due").asInt()).isEqualTo(1);
        assertThat(m.path("subscribers").has("enterprise")).isFalse();
        assertThat(m.path("activeSubscribers").asInt()).isEqualTo(5);
        assertThat(m.path("newSubscriptions").asInt()).isEqualTo(2);
        assertThat(m.path("churned").asInt()).isEqualTo(1);
        assertThat(m.path("payingAtStart").asInt()).isEqualTo(4);
        assertThat(m.path("churnRate").asText()).isEqualTo("0.2500");
        assertThat(m.path("failedPayments").path("count").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(m.path("failedPayments").path("amounts").get(0).path("amount").asText()))
                .isEqualByComparingTo("98.00");
    }

    @Test
    @DisplayName("February, rebuilt from stored dates: MRR 816.20, 2 new, none churned, 1 failed payment")
    void pastMonth() {
        JsonNode m = ok(metrics("2027-02"));

        assertThat(m.path("revenue").get(0).path("mrr").asText()).isEqualTo("816.20");
        assertThat(m.path("payingSubscribers").asInt()).isEqualTo(4);
        assertThat(m.path("newSubscriptions").asInt()).isEqualTo(2);
        assertThat(m.path("churned").asInt()).isZero();
        assertThat(m.path("churnRate").asText()).isEqualTo("0.0000");
        assertThat(m.path("failedPayments").path("count").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("without month, the current month is reported")
    void defaultMonth() {
        assertThat(ok(metrics(null)).path("month").asText()).isEqualTo("2027-03");
    }

    @Test
    @DisplayName("a month that is not YYYY-MM is refused with 400, a future month with 422")
    void badMonth() {
        problem(metrics("2027-13"), 400, "invalid-input");
        problem(metrics("March"), 400, "invalid-input");
        problem(metrics("2027-04"), 422, "rule-violation");
    }

    @Test
    @DisplayName("a trader without the finance or admin group is refused with 403; admin is let in")
    void groups() {
        problem(metrics.handleRequest(asFinance("api/billing-metrics.json", "t-1", null, Map.of()), null), 403,
                "forbidden");
        problem(subscribers.handleRequest(asFinance("api/billing-subscribers.json", "t-1", "[traders]", Map.of()),
                null), 403, "forbidden");
        ok(metrics.handleRequest(asFinance("api/billing-metrics.json", "ops", "[admin]", Map.of()), null));
    }

    @Test
    @DisplayName("the sample metrics and subscribers events are served")
    void samples() {
        BACKENDS.clock().set(NOW);
        ok(metrics.handleRequest(Events.http("api/billing-metrics.json"), null));
        ok(subscribers.handleRequest(Events.http("api/billing-subscribers.json"), null));
    }

    @Test
    @DisplayName("walking every status 3 at a time lists all 7 subscriptions once, with a signed cursor, and ends")
    void pagination() {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("limit", "3");
            if (cursor != null) q.put("cursor", cursor);
            JsonNode page = ok(subscribers("analyst", q));
            assertThat(page.path("subscribers").size()).isLessThanOrEqualTo(3);
            walked.addAll(texts(page.path("subscribers"), "subscriptionId"));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null && ++pages < 20);

        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(SUBSCRIPTIONS);
    }

    @Test
    @DisplayName("status=active lists only active subscriptions, monthly amounts as exact strings")
    void byStatus() {
        JsonNode page = ok(subscribers("analyst", Map.of("status", "active")));

        assertThat(texts(page.path("subscribers"), "status")).hasSize(3).containsOnly("active");
        assertThat(texts(page.path("subscribers"), "monthlyAmount")).containsExactlyInAnyOrder("149.00", "49.00",
                "119.20");
    }

    @Test
    @DisplayName("a tampered cursor, another caller's cursor, or one from another status filter is refused with 400")
    void cursors() {
        String cursor = ok(subscribers("analyst", Map.of("limit", "2"))).path("nextCursor").asText();
        String flipped = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

        problem(subscribers("analyst", Map.of("limit", "2", "cursor", flipped)), 400, "invalid-input");
        problem(subscribers("someone-else", Map.of("limit", "2", "cursor", cursor)), 400, "invalid-input");
        problem(subscribers("analyst", Map.of("limit", "2", "status", "active", "cursor", cursor)), 400, "invalid-input");
        assertThat(ok(subscribers("analyst", Map.of("limit", "2", "cursor", cursor))).path("subscribers").size())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("an unknown status or a limit outside 1–100 is refused with 400")
    void badQuery() {
        problem(subscribers("analyst", Map.of("status", "happy")), 400, "invalid-input");
        problem(subscribers("analyst", Map.of("limit", "0")), 400, "invalid-input");
        problem(subscribers("analyst", Map.of("limit", "101")), 400, "invalid-input");
    }
}
