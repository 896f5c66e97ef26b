package com.nija.functions.leaving;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.BotState;
import com.nija.shared.audit.Actor;
import com.nija.shared.audit.AuditLog;
import com.nija.shared.audit.AuditRepository;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import com.nija.shared.json.Json;
import com.nija.shared.leaving.Pseudonyms;
import com.nija.shared.leaving.TraderDataRegistry;
import com.nija.shared.settings.SettingsService;
import com.nija.shared.trading.Side;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LeavingHandlersTest {
    private static final String SOURCE_IP = "203.0.113.10";
    private static final String SEALED_KEY = "SEALED-KEY-never-leaves";

    private final ApplicationContext context = LocalBackends.get().context();
    private final ExportAccountHandler exportHandler = new ExportAccountHandler(context);
    private final DeleteAccountHandler deleteHandler = new DeleteAccountHandler(context);
    private final TradingTables tables = context.getBean(TradingTables.class);
    private final String auditTable = context.getBean(NijaConfig.class).getAuditTable();

    /** A trader with something of every kind: profile, keys, paper and live history, billing, an audit record. */
    private record Trader(String userId, String customerId, String subscriptionId) {}

    private Trader traderWithEverything() {
        TraderFixture fixture = TraderFixture.newTrader().profile("pro", BotState.RUNNING, "10000");
        String user = fixture.userId();
        Instant at = PlatformClock.system().instant().minus(Duration.ofDays(3));
        fixture.closedPosition("p-closed", "BTC-USD", Side.LONG, "0.01", "60000", "61000", "9.5", "0.5");
        fixture.openPosition("p-paper", "ETH-USD", Side.LONG, "0.1", "3000", "0.3");
        fixture.trade("f1", "BTC-USD", "BUY", "0.01", "60000", at);
        fixture.trade("f2", "BTC-USD", "SELL", "0.01", "61000", at.plus(Duration.ofHours(1)));
        fixture.rollupClose(at.plus(Duration.ofHours(1)), "0.5", "610", "9.5");
        fixture.saveSettings(TraderFixture.settings(true), context.getBean(SettingsService.class).get(user).version());
        put(tables.name(), Map.of("pk", Keys.user(user), "sk", Keys.order("o-f1"), "orderId", "o-f1", "userId", user,
                "symbol", "BTC-USD", "status", "FILLED"));
        put(tables.name(), Map.of("pk", Keys.user(user), "sk", Keys.broker("coinbase"), "userId", user,
                "venue", "coinbase", "keyHint", "…a1b2", "sealedCredentials", SEALED_KEY));
        String customer = "cus_" + UUID.randomUUID();
        String subscription = "sub_" + UUID.randomUUID();
        put(tables.name(), Map.of("pk", Keys.user(user), "sk", Keys.BILLING, "userId", user, "customerId", customer,
                "tier", "pro", "hostedInvoiceUrl", "https://invoice.stripe.com/i/acct_1/test_abc"));
        put(tables.name(), Map.of("pk", Keys.user(user), "sk", Keys.stripeCustomerLink(customer), "customerId", customer,
                "userId", user));
        put(tables.name(), Map.of("pk", Keys.stripeCustomer(customer), "sk", Keys.STRIPE_ITEM, "customerId", customer,
                "userId", user));
        put(tables.name(), Map.of("pk", Keys.stripeSubscription(subscription), "sk", Keys.STRIPE_ITEM,
                "subscriptionId", subscription, "customerId", customer, "userId", user, "status", "active",
                "gsi2pk", Keys.subscriptionsOfCustomer(customer), "gsi2sk", subscription));
        context.getBean(AuditLog.class).record(new Actor(user, List.of(), "req-" + UUID.randomUUID(), SOURCE_IP), user,
                "PUT /api/v1/settings", null, Map.of("tradingEnabled", "true"), Map.of("tradingEnabled", "false"));
        return new Trader(user, customer, subscription);
    }

    @Test
    @DisplayName("the export is a ZIP with a file for every kind and a manifest; broker keys stay out; it is audited")
    void exportHoldsEveryKind() throws IOException {
        Trader trader = traderWithEverything();

        APIGatewayV2HTTPResponse response = exportHandler.handleRequest(
                Events.http("api/export-account.json", trader.userId()), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/zip");
        assertThat(header(response, "Content-Disposition")).contains("attachment");
        Map<String, List<String>> files = unzip(Base64.getDecoder().decode(response.getBody()));
        List<String> kinds = context.getBean(TraderDataRegistry.class).aboutTrader().stream()
                .map(k -> k.name() + ".jsonl").toList();
        assertThat(files).containsKeys(kinds.toArray(String[]::new)).containsKey("manifest.json");
        assertThat(files.get("profile.jsonl")).singleElement().asString().contains("Test Trader");
        assertThat(files.get("trades.jsonl")).hasSize(2);
        assertThat(files.get("orders.jsonl")).singleElement().asString().contains("o-f1");
        assertThat(files.get("positions.jsonl")).hasSize(2);
        assertThat(files.get("rollups.jsonl")).isNotEmpty();
        assertThat(files.get("billing.jsonl")).singleElement().asString().contains(trader.customerId());
        assertThat(files.get("subscriptions.jsonl")).singleElement().asString().contains(trader.subscriptionId());
        assertThat(files.get("audit.jsonl")).singleElement().asString().contains("PUT /api/v1/settings");
        assertThat(files.get("broker-connections.jsonl")).singleElement().asString()
                .contains("coinbase", "…a1b2").doesNotContain(SEALED_KEY, "sealedCredentials");
        JsonNode manifest = Json.MAPPER.readTree(files.get("manifest.json").get(0));
        assertThat(texts(manifest.path("files"), "file")).containsExactlyElementsOf(kinds);
        assertThat(auditActions(trader.userId())).contains("GET /api/v1/account/export");
    }

    @Test
    @DisplayName("deletion without the confirmation is a 400 naming confirm, and changes nothing")
    void refusedWithoutConfirmation() {
        Trader trader = traderWithEverything();
        int before = TraderFixture.storedItemCount(trader.userId());

        for (String body : List.of("{\"confirm\":\"yes\"}", "{\"confirm\":null}")) {
            JsonNode problem = problem(delete(trader.userId(), body), 400, "invalid-input");

            assertThat(texts(problem.path("errors"), "field")).containsExactly("confirm");
        }
        assertThat(TraderFixture.storedItemCount(trader.userId())).isEqualTo(before);
    }

    @Test
    @DisplayName("deletion with a live position open is a 409, and changes nothing")
    void refusedWithLivePositionOpen() {
        Trader trader = traderWithEverything();
        put(tables.name(), Map.of("pk", Keys.user(trader.userId()), "sk", Keys.position("p-live"), "status", "OPEN",
                "venue", "coinbase", "symbol", "BTC-USD", "userId", trader.userId()));
        int before = TraderFixture.storedItemCount(trader.userId());

        JsonNode problem = problem(delete(trader.userId(), "{\"confirm\":\"DELETE my account\"}"), 409, "conflict");

        assertThat(problem.path("detail").asText()).contains("BTC-USD", "coinbase");
        assertThat(TraderFixture.storedItemCount(trader.userId())).isEqualTo(before);
    }

    @Test
    @DisplayName("after deletion no stored item names the trader; fills, orders, billing and audit stay under the pseudonym")
    void deletionLeavesNothingThatNamesTheTrader() {
        Trader trader = traderWithEverything();
        String pseudonym = context.getBean(Pseudonyms.class).of(trader.userId());
        SettingsService settings = context.getBean(SettingsService.class);
        assertThat(settings.get(trader.userId()).tradingEnabled()).isTrue(); // now cached

        JsonNode body = ok(delete(trader.userId(), "{\"confirm\":\"" + trader.userId() + "\"}"));

        assertThat(settings.get(trader.userId()).tradingEnabled()).as("settings cached before the deletion")
                .isNotEqualTo(true);

        assertThat(body.path("kept").toString()).contains("trades", "orders", "audit");
        assertThat(body.path("deleted").toString()).contains("profile", "broker-connections");
        assertThat(scan(tables.name())).noneMatch(item -> item.toString().contains(trader.userId()));
        assertThat(scan(auditTable)).noneMatch(item -> item.toString().contains(trader.userId()));
        List<Map<String, AttributeValue>> kept = partition(tables.name(), Keys.user(pseudonym));
        assertThat(kept).extracting(i -> i.get("sk").s())
                .anyMatch(sk -> sk.startsWith(Keys.TRADE_PREFIX)).anyMatch(sk -> sk.equals(Keys.order("o-f1")))
                .anyMatch(sk -> sk.equals(Keys.position("p-closed"))).anyMatch(sk -> sk.equals(Keys.BILLING))
                .noneMatch(sk -> sk.equals(Keys.position("p-paper")) || sk.equals(Keys.PROFILE)
                        || sk.startsWith(Keys.BROKER_PREFIX) || sk.startsWith(Keys.ROLLUP_PREFIX));
        assertThat(kept.toString()).doesNotContain("Test Trader", "invoice.stripe.com", SEALED_KEY);
        assertThat(item(Keys.stripeSubscription(trader.subscriptionId())).get("userId").s()).isEqualTo(pseudonym);
        assertThat(item(Keys.stripeCustomer(trader.customerId())).get("userId").s()).isEqualTo(pseudonym);
        List<Map<String, AttributeValue>> audit = partition(auditTable, AuditRepository.partition(pseudonym));
        assertThat(audit).extracting(a -> a.get("action").s())
                .containsExactlyInAnyOrder("PUT /api/v1/settings", "DELETE /api/v1/account");
        assertThat(audit).allSatisfy(a -> assertThat(a).doesNotContainKey("sourceIp"));
        assertThat(audit.toString()).doesNotContain(SOURCE_IP);
    }

    @Test
    @DisplayName("a deletion that stopped halfway finishes on retry, keeping the time it began")
    void retryFinishesAnInterruptedDeletion() {
        Trader trader = traderWithEverything();
        String pseudonym = context.getBean(Pseudonyms.class).of(trader.userId());
        JsonNode first = ok(delete(trader.userId(), "{\"confirm\":\"DELETE my account\"}"));
        // As if the first run had stopped before reaching this fill and this key
        put(tables.name(), Map.of("pk", Keys.user(trader.userId()), "sk", Keys.trade(Instant.EPOCH, "late"),
                "tradeId", "late", "symbol", "BTC-USD"));
        put(tables.name(), Map.of("pk", Keys.user(trader.userId()), "sk", Keys.broker("kraken"), "venue", "kraken",
                "sealedCredentials", SEALED_KEY));

        JsonNode second = ok(delete(trader.userId(), "{\"confirm\":\"DELETE my account\"}"));

        assertThat(second.path("startedAt").asText()).isEqualTo(first.path("startedAt").asText());
        assertThat(TraderFixture.storedItemCount(trader.userId())).isZero();
        assertThat(partition(tables.name(), Keys.user(pseudonym))).extracting(i -> i.get("sk").s())
                .contains(Keys.trade(Instant.EPOCH, "late"), "DELETION")
                .doesNotContain(Keys.broker("kraken"));
    }

    private APIGatewayV2HTTPResponse delete(String userId, String body) {
        return deleteHandler.handleRequest(Events.withBody(Events.http("api/delete-account.json", userId), body), null);
    }

    private static Map<String, List<String>> unzip(byte[] zip) throws IOException {
        Map<String, List<String>> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                files.put(e.getName(), text.isEmpty() ? List.of() : List.of(text.split("\n")));
            }
        }
        return files;
    }

    private List<String> auditActions(String target) {
        return partition(auditTable, AuditRepository.partition(target)).stream().map(a -> a.get("action").s()).toList();
    }

    private void put(String table, Map<String, String> values) {
        Map<String, AttributeValue> item = new HashMap<>();
        values.forEach((k, v) -> item.put(k, AttributeValue.fromS(v)));
        tables.client().putItem(b -> b.tableName(table).item(item));
    }

    private Map<String, AttributeValue> item(String pk) {
        return tables.client().getItem(b -> b.tableName(tables.name()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(Keys.STRIPE_ITEM)))).item();
    }

    private List<Map<String, AttributeValue>> partition(String table, String pk) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        tables.client().queryPaginator(q -> q.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items().forEach(items::add);
        return items;
    }

    /** Every item of a table: the test tables are small. */
    private List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        tables.client().scanPaginator(s -> s.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }
}
