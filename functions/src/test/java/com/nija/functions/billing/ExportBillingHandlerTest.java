package com.nija.functions.billing;

import static com.nija.functions.billing.StripeFixture.BASIC;
import static com.nija.functions.billing.StripeFixture.ENTERPRISE;
import static com.nija.functions.billing.StripeFixture.PRO;
import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.functions.support.Events;
import com.nija.shared.billing.BillingExportKind;
import com.nija.shared.billing.BillingExporter;
import com.nija.shared.billing.BillingStore;
import com.nija.shared.billing.StripeInvoiceItem;
import com.nija.shared.data.Keys;
import com.nija.shared.export.ExportFormat;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finance's month exports on a table of their own, seeded through the webhook: X pro monthly from 5 February, its
 * February and March invoices paid; Y basic from 10 March, its first payment failed; Z enterprise from 10 January,
 * canceled 12 February (not in force in March).
 */
class ExportBillingHandlerTest {
    static final BillingBackends BACKENDS = BillingBackends.forTable("nija-trading-billing-export");
    static final Instant NOW = Instant.parse("2027-03-20T12:00:00Z");

    private static StripeFixture x;
    private static StripeFixture y;
    private static StripeFixture z;
    private static ExportBillingHandler handler;

    @BeforeAll
    static void seed() {
        x = subscribe(PRO, "2027-02-05T10:00:00Z");
        at("2027-02-05T10:00:00Z", x, x.invoice("invoice.paid", Instant.parse("2027-02-05T10:00:00Z"), x.invoiceId(0),
                14900, 1));
        at("2027-03-05T10:00:00Z", x, x.invoice("invoice.paid", Instant.parse("2027-03-05T10:00:00Z"), x.invoiceId(1),
                14900, 1));
        y = subscribe(BASIC, "2027-03-10T10:00:00Z");
        at("2027-03-10T11:00:00Z", y, y.invoice("invoice.payment_failed", Instant.parse("2027-03-10T11:00:00Z"),
                y.invoiceId(0), 4900, 1));
        z = subscribe(ENTERPRISE, "2027-01-10T10:00:00Z");
        Instant canceled = Instant.parse("2027-02-12T09:00:00Z");
        at("2027-02-12T09:00:00Z", z, started(z.subscription("deleted", canceled, "canceled", ENTERPRISE,
                Instant.parse("2027-02-10T10:00:00Z"), Instant.parse("2027-03-10T10:00:00Z")), "2027-01-10T10:00:00Z"));
        BACKENDS.clock().set(NOW);
        handler = new ExportBillingHandler(BACKENDS.context());
    }

    private static StripeFixture subscribe(StripeFixture.Price price, String start) {
        StripeFixture f = StripeFixture.newCustomer(BACKENDS);
        Instant at = Instant.parse(start);
        at(start, f, f.checkoutCompleted(at)); // links the customer to the trader
        at(start, f, started(f.subscription("created", at, "active", price, at, at.plusSeconds(30L * 86400)), start));
        return f;
    }

    private static ObjectNode started(ObjectNode event, String start) {
        return StripeFixture.started(event, start);
    }

    private static void at(String when, StripeFixture f, ObjectNode event) {
        f.deliverAt(when, event);
    }

    private static APIGatewayV2HTTPResponse export(String kind, String groups, String... query) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) q.put(query[i], query[i + 1]);
        APIGatewayV2HTTPEvent event = Events.withQuery(Events.http("api/export-billing.json"), q);
        event.setRawPath("/api/v1/admin/billing/exports/" + kind);
        event.getRequestContext().getHttp().setPath(event.getRawPath());
        event.setPathParameters(Map.of("kind", kind));
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        if (groups == null) claims.remove("cognito:groups");
        else claims.put("cognito:groups", groups);
        jwt.setClaims(claims);
        return handler.handleRequest(event, null);
    }

    @Test
    @DisplayName("invoices as CSV: the month's invoices oldest first, each with its trader, amounts at the currency's decimals")
    void invoicesCsv() {
        APIGatewayV2HTTPResponse response = export("invoices", "[finance]", "month", "2027-03", "format", "csv");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(header(response, "Content-Disposition")).isEqualTo("attachment; filename=\"invoices-2027-03.csv\"");
        String[] lines = response.getBody().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", BillingExportKind.INVOICES.columns()));
        // The fixture's invoices are created an hour before their event; the service period is the sample lines' own.
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).isEqualTo(x.invoiceId(1) + "," + x.customerId + "," + x.userId + "," + x.subscriptionId
                + ",paid,149.00,149.00,usd,2026-11-16T09:15:02Z,2026-12-16T09:15:02Z,2027-03-05T09:00:00Z,"
                + "2027-03-05T10:00:00Z,1,subscription_cycle");
        assertThat(lines[2]).startsWith(y.invoiceId(0) + "," + y.customerId + "," + y.userId + "," + y.subscriptionId
                + ",payment_failed,49.00,0.00,usd,");
        assertThat(lines[2]).contains(",2027-03-10T10:00:00Z,,1,");
    }

    @Test
    @DisplayName("invoices of another month are not in March's, and a month without any has only the header")
    void otherMonths() {
        JsonNode february = ok(export("invoices", "[finance]", "month", "2027-02", "format", "json"));
        APIGatewayV2HTTPResponse january = export("invoices", "[admin]", "month", "2027-01", "format", "csv");

        assertThat(texts(february.path("invoices"), "invoiceId")).containsExactly(x.invoiceId(0));
        assertThat(january.getBody()).isEqualTo(String.join(",", BillingExportKind.INVOICES.columns()) + "\r\n");
    }

    @Test
    @DisplayName("subscriptions as JSON: those in force at any time in the month, money as strings, flags as booleans")
    void subscriptionsJson() {
        JsonNode march = ok(export("subscriptions", "[finance]", "month", "2027-03", "format", "json"));
        JsonNode february = ok(export("subscriptions", "[finance]", "month", "2027-02", "format", "json"));

        assertThat(texts(march.path("subscriptions"), "subscriptionId"))
                .containsExactlyInAnyOrder(x.subscriptionId, y.subscriptionId);
        assertThat(texts(february.path("subscriptions"), "subscriptionId"))
                .containsExactlyInAnyOrder(x.subscriptionId, z.subscriptionId);
        JsonNode pro = march.path("subscriptions").get(texts(march.path("subscriptions"), "subscriptionId")
                .indexOf(x.subscriptionId));
        assertThat(pro.path("traderId").asText()).isEqualTo(x.userId);
        assertThat(pro.path("tier").asText()).isEqualTo("pro");
        assertThat(pro.path("status").asText()).isEqualTo("active");
        assertThat(pro.path("amount").isTextual()).isTrue();
        assertThat(pro.path("amount").asText()).isEqualTo("149.00");
        assertThat(pro.path("currency").asText()).isEqualTo("usd");
        assertThat(pro.path("cancelAtPeriodEnd").isBoolean()).isTrue();
        assertThat(pro.path("startedAt").asText()).isEqualTo("2027-02-05T10:00:00Z");
        assertThat(pro.path("currentPeriodEnd").asText()).isEqualTo("2027-03-07T10:00:00Z");
        JsonNode canceled = february.path("subscriptions").get(texts(february.path("subscriptions"), "subscriptionId")
                .indexOf(z.subscriptionId));
        assertThat(canceled.path("status").asText()).isEqualTo("canceled");
        assertThat(canceled.path("endedAt").asText()).isEqualTo("2027-02-12T09:00:00Z");
    }

    @Test
    @DisplayName("a trader without the finance or admin group is refused with 403 and gets no rows")
    void tradersRefused() {
        APIGatewayV2HTTPResponse response = export("invoices", null, "month", "2027-03", "format", "csv");

        JsonNode refused = problem(response, 403, "forbidden");
        assertThat(refused.toString()).doesNotContain(x.invoiceId(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kind unknown          | payouts       | 2027-03 | csv  | 400 | kind   | invalid-input",
            "month not YYYY-MM     | invoices      | 2027-3  | csv  | 400 | month  | invalid-input",
            "month 13              | invoices      | 2027-13 | csv  | 400 | month  | invalid-input",
            "format unknown        | subscriptions | 2027-03 | xlsx | 400 | format | invalid-input",
            "a future month        | invoices      | 2027-04 | csv  | 422 | month  | rule-violation"})
    @DisplayName("bad parameters are a problem+json naming the field")
    void badParameters(String name, String kind, String month, String format, int status, String field, String type) {
        JsonNode refused = problem(export(kind, "[finance]", "month", month, "format", format), status, type);

        assertThat(texts(refused.path("errors"), "field")).containsExactly(field);
    }

    @Test
    @DisplayName("a month of 230 invoices is read a page of at most 100 at a time, and every one is written")
    void boundedPages() {
        BillingStore store = BACKENDS.context().getBean(BillingStore.class);
        YearMonth month = YearMonth.of(2026, 7);
        Instant base = Instant.parse("2026-07-01T00:00:00Z");
        for (int i = 0; i < 230; i++) {
            Instant created = base.plusSeconds(600L * i);
            String id = "in_bulk" + i;
            store.putInvoiceIfNewer(new StripeInvoiceItem(Keys.stripeInvoice(id), Keys.STRIPE_ITEM, id, null,
                    "cus_bulk", StripeInvoiceItem.PAID, new BigDecimal("49.00"), new BigDecimal("49.00"), "usd", 1L,
                    created, null, null, created, null, null, "subscription_cycle", created.getEpochSecond(), "evt",
                    null, null, null, null, Keys.invoicesOfMonth(month), Keys.byTime(created, id)));
        }
        List<Integer> pages = new ArrayList<>();
        StringWriter out = new StringWriter();

        long written = BACKENDS.context().getBean(BillingExporter.class)
                .export(BillingExportKind.INVOICES, month, ExportFormat.CSV, out, pages::add);

        assertThat(written).isEqualTo(230);
        assertThat(pages).allMatch(size -> size <= BillingExporter.PAGE_SIZE);
        assertThat(pages.stream().mapToInt(Integer::intValue).sum()).isEqualTo(230);
        assertThat(out.toString().split("\r\n")).hasSize(231);
    }
}
