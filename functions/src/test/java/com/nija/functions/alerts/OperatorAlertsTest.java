package com.nija.functions.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nija.functions.admin.KillSwitchHandler;
import com.nija.functions.admin.ListAlertsHandler;
import com.nija.functions.billing.StripeWebhookHandler;
import com.nija.functions.signals.CheckQuietSourcesHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.LogCapture;
import com.nija.functions.support.MutableClock;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.TableProvisioner;
import com.nija.shared.data.Tables;
import com.nija.shared.engine.TradeListener;
import com.nija.shared.engine.TradingAlerts;
import com.nija.shared.json.Json;
import com.nija.shared.reconcile.DriftAlerts;
import com.nija.shared.reconcile.PositionDrift;
import com.nija.shared.signals.QuietSourceCheck;
import com.nija.shared.signals.SignalIntakeService;
import com.nija.shared.signals.SourceRegistry;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Operator alerts as an operator notices them, on the local platform's transport (the log and a chat webhook, here
 * WireMock) and the admins' list ({@code GET /api/v1/admin/alerts}), on a trading table of this test's own: each
 * trigger raises its alert with its severity, whom and first check; a repeating trigger raises once; a failing
 * webhook or store never fails what raised the alert.
 */
class OperatorAlertsTest {
    private static final String HOOK_PATH = "/services/T0000/B0000/alertsHookSecret42";
    private static final String QUIET_SOURCE = "quiet-feed";
    private static final Duration QUIET_INTERVAL = Duration.ofMinutes(30);
    private static final MutableClock CLOCK = new MutableClock(PlatformClock.system().instant());
    private static final WireMockServer HOOK = new WireMockServer(options().dynamicPort());
    private static final ApplicationContext CONTEXT;

    static {
        HOOK.start();
        String table = "alerts-" + UUID.randomUUID();
        CONTEXT = LocalBackends.get().newContext(Map.of(
                "nija.trading-table", table,
                "nija.alerts.webhook-url", HOOK.baseUrl() + HOOK_PATH,
                "nija.alerts.quiet-sources", QUIET_SOURCE + "=30m",
                "nija.billing.stripe-webhook-secret", "whsec_alerts_test_only"), CLOCK);
        new TableProvisioner(CONTEXT.getBean(DynamoDbClient.class)).ensure(Tables.TRADING, table);
    }

    private final ListAlertsHandler list = new ListAlertsHandler(CONTEXT);

    @AfterAll
    static void stop() {
        CONTEXT.close();
        HOOK.stop();
    }

    @BeforeEach
    void answerOk() {
        HOOK.resetAll();
        HOOK.stubFor(post(urlPathEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    /** The alerts an admin reads, newest first, about {@code subject}. */
    private List<JsonNode> listed(String subject) {
        JsonNode alerts = ok(list.handleRequest(Events.http("api/list-alerts.json"), null)).path("alerts");
        List<JsonNode> out = new ArrayList<>();
        alerts.forEach(a -> {
            if (a.path("subject").asText().equals(subject)) out.add(a);
        });
        return out;
    }

    /** The texts posted to the chat webhook (Slack's {@code {"text": ...}}). */
    private List<String> posted() {
        return HOOK.findAll(postRequestedFor(urlPathEqualTo(HOOK_PATH))).stream()
                .map(r -> Json.readTree(r.getBodyAsString()).orElseThrow().path("text").asText()).toList();
    }

    private APIGatewayV2HTTPResponse killSwitch(boolean engaged, String reason) {
        return new KillSwitchHandler(CONTEXT).handleRequest(Events.withBody(Events.http("api/kill-switch.json"),
                "{\"engaged\": " + engaged + ", \"reason\": \"" + reason + "\"}"), null);
    }

    @Test
    @DisplayName("engaging the kill switch pages (critical) and releasing it records (info), each with who, why and the first check")
    void killSwitch() {
        String reason = "venue outage " + UUID.randomUUID().toString().substring(0, 8);
        ok(killSwitch(true, reason));
        CLOCK.advance(Duration.ofSeconds(5));
        ok(killSwitch(false, "venue back " + reason));

        List<JsonNode> alerts = listed("all traders").stream()
                .filter(a -> a.path("detail").asText().contains(reason)).toList();
        assertThat(alerts).extracting(a -> a.path("kind").asText() + "/" + a.path("severity").asText())
                .containsExactly("KILL_SWITCH_RELEASED/INFO", "KILL_SWITCH_ENGAGED/CRITICAL");
        assertThat(alerts.get(1).path("detail").asText()).contains("engaged by ops-admin").contains(reason);
        assertThat(alerts.get(1).path("firstCheck").asText()).contains("GET /api/v1/admin/kill-switch");
        assertThat(posted()).anySatisfy(text -> assertThat(text)
                .startsWith("[CRITICAL] Kill switch engaged").contains("Whom: all traders").contains(reason)
                .contains("First check: "));
    }

    @Test
    @DisplayName("a trader paused after broker errors is a warning naming the trader, raised once per 15 minutes however often the engine repeats it")
    void autoPaused() {
        assertThat(CONTEXT.getBeansOfType(TradeListener.class)).as("the engine tells the alerts")
                .anyMatch(l -> l instanceof TradingAlerts);
        TradingAlerts alerts = CONTEXT.getBean(TradingAlerts.class);
        String user = "trader-" + UUID.randomUUID();
        String reason = "paused after 5 broker errors in a row (last: venue unavailable)";

        alerts.botPaused(user, reason);
        alerts.botPaused(user, reason);
        assertThat(listed("trader " + user)).hasSize(1).first().satisfies(a -> {
            assertThat(a.path("severity").asText()).isEqualTo("WARNING");
            assertThat(a.path("detail").asText()).isEqualTo(reason);
            assertThat(a.path("firstCheck").asText()).contains("/api/v1/admin/traders/{id}/resume");
        });
        assertThat(posted()).filteredOn(t -> t.contains(user)).hasSize(1);

        CLOCK.advance(Duration.ofMinutes(16));
        alerts.botPaused(user, reason);
        assertThat(posted()).filteredOn(t -> t.contains(user)).hasSize(2);
    }

    @Test
    @DisplayName("drift found every 5 minutes is raised once a day, and again at once when the amount missing changes")
    void drift() {
        DriftAlerts alerts = CONTEXT.getBean(DriftAlerts.class);
        String user = "trader-" + UUID.randomUUID();
        PositionDrift drift = new PositionDrift("coinbase", "BTC", new BigDecimal("0.5"), new BigDecimal("0.3"),
                new BigDecimal("0.2"), List.of("pos-1"), 0, CLOCK.instant());

        alerts.positionDrift(user, drift);
        CLOCK.advance(Duration.ofMinutes(5));
        alerts.positionDrift(user, drift);
        alerts.positionDrift(user, new PositionDrift("coinbase", "BTC", new BigDecimal("0.5"), new BigDecimal("0.1"),
                new BigDecimal("0.4"), List.of("pos-1"), 0, CLOCK.instant()));

        List<JsonNode> raised = listed("trader " + user + " at coinbase");
        assertThat(raised).extracting(a -> a.path("detail").asText())
                .satisfiesExactly(newest -> assertThat(newest).contains("missing 0.4"),
                        first -> assertThat(first).contains("BTC at coinbase").contains("missing 0.2"));
        assertThat(raised).allSatisfy(a -> assertThat(a.path("kind").asText()).isEqualTo("POSITION_DRIFT"));
    }

    @Test
    @DisplayName("Stripe deliveries with a bad signature are answered 400 and alerted once an hour, not per delivery")
    void stripeSignature() {
        StripeWebhookHandler webhook = new StripeWebhookHandler(CONTEXT);
        problem(webhook.handleRequest(Events.http("api/stripe-webhook.json"), null), 400, "invalid-signature");
        problem(webhook.handleRequest(Events.http("api/stripe-webhook.json"), null), 400, "invalid-signature");

        assertThat(posted()).filteredOn(t -> t.contains("bad signature")).singleElement()
                .satisfies(t -> assertThat(t).startsWith("[WARNING]").contains("Whom: POST /webhooks/stripe")
                        .contains("signing secret"));
    }

    @Test
    @DisplayName("a watched source quiet past its interval is alerted once per quiet spell, and again after it is heard and goes quiet anew")
    void quietSource() {
        CONTEXT.getBean(SourceRegistry.class).register(QUIET_SOURCE, "SIGNALS", "s3cret-feed", List.of("*"),
                CLOCK.instant());
        CheckQuietSourcesHandler check = new CheckQuietSourcesHandler(CONTEXT);

        CLOCK.advance(QUIET_INTERVAL.minusMinutes(1));
        assertThat(run(check).quiet()).isEmpty();
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(run(check).alerted()).containsExactly(QUIET_SOURCE);
        CLOCK.advance(Duration.ofMinutes(5));
        QuietSourceCheck.Report again = run(check);
        assertThat(again.quiet()).containsExactly(QUIET_SOURCE);
        assertThat(again.alerted()).as("the same spell").isEmpty();

        SignalIntakeService.Outcome heard = CONTEXT.getBean(SignalIntakeService.class).acceptFromPlatform(QUIET_SOURCE,
                "{\"signalId\": \"sig-" + UUID.randomUUID() + "\", \"symbol\": \"BTC-USD\", \"action\": \"buy\"}");
        assertThat(heard.body().get("status")).isEqualTo("accepted");
        CLOCK.advance(Duration.ofMinutes(10));
        assertThat(run(check).quiet()).as("heard 10 minutes ago").isEmpty();
        CLOCK.advance(QUIET_INTERVAL);
        assertThat(run(check).alerted()).as("a new spell").containsExactly(QUIET_SOURCE);

        assertThat(listed("source " + QUIET_SOURCE)).hasSize(2).allSatisfy(a -> {
            assertThat(a.path("severity").asText()).isEqualTo("WARNING");
            assertThat(a.path("detail").asText()).contains("expected at least every 30 min");
        });
    }

    private static QuietSourceCheck.Report run(CheckQuietSourcesHandler check) {
        return check.handleRequest(Events.scheduled("scheduled/check-quiet-sources.json"), null);
    }

    @Test
    @DisplayName("a webhook answering 500 fails no kill switch: the switch is engaged, the failure counted, the hook's URL never logged")
    void failingWebhook() {
        HOOK.stubFor(post(urlPathEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(500)));
        double failedBefore = LocalBackends.get().metrics().total("AlertFailed{kind=KILL_SWITCH_ENGAGED}");
        CLOCK.advance(Duration.ofSeconds(1));
        try (LogCapture logs = LogCapture.everything()) {
            JsonNode engaged = ok(killSwitch(true, "drill " + UUID.randomUUID()));
            assertThat(engaged.path("engaged").asBoolean()).isTrue();
            assertThat(String.join("\n", logs.allText())).contains("could not be sent")
                    .doesNotContain("alertsHookSecret42").doesNotContain(HOOK.baseUrl());
        } finally {
            CLOCK.advance(Duration.ofSeconds(1));
            ok(killSwitch(false, "drill over"));
        }
        assertThat(LocalBackends.get().metrics().total("AlertFailed{kind=KILL_SWITCH_ENGAGED}"))
                .isEqualTo(failedBefore + 1);
    }

    @Test
    @DisplayName("an alert that cannot be recorded (the table is gone) is still sent")
    void storeDown() {
        String missing = "no-such-table-" + UUID.randomUUID();
        try (ApplicationContext broken = LocalBackends.get().newContext(Map.of("nija.trading-table", missing,
                "nija.alerts.webhook-url", HOOK.baseUrl() + HOOK_PATH), CLOCK)) {
            String user = "trader-" + UUID.randomUUID();
            broken.getBean(TradingAlerts.class).botPaused(user, "paused after 5 broker errors in a row");
            assertThat(posted()).anySatisfy(t -> assertThat(t).contains("Whom: trader " + user));
        }
    }

    @ParameterizedTest(name = "groups {0} → 403")
    @CsvSource({"[]", "[finance]", "[traders]"})
    @DisplayName("only admins read the alerts")
    void adminsOnly(String groups) {
        var event = Events.http("api/list-alerts.json");
        Map<String, String> claims = new java.util.HashMap<>(event.getRequestContext().getAuthorizer().getJwt()
                .getClaims());
        claims.put("cognito:groups", groups);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        problem(list.handleRequest(event, null), 403, "forbidden");
    }
}
