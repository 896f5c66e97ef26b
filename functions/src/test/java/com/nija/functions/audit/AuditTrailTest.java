package com.nija.functions.audit;

import static com.nija.functions.support.ApiResponses.noValue;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.admin.FlattenTraderHandler;
import com.nija.functions.admin.GetAdminAuditHandler;
import com.nija.functions.admin.KillSwitchHandler;
import com.nija.functions.admin.PauseTraderHandler;
import com.nija.functions.brokers.PutTradingModeHandler;
import com.nija.functions.engine.ClosePositionHandler;
import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.engine.PauseTradingHandler;
import com.nija.functions.engine.ResumeTradingHandler;
import com.nija.functions.settings.PutSettingsHandler;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.account.BotState;
import com.nija.shared.audit.AuditAspect;
import com.nija.shared.audit.AuditRepository;
import com.nija.shared.audit.AuditSubjects;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.AuditItem;
import com.nija.shared.engine.KillSwitch;
import com.nija.shared.engine.OrderRequest;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The audit trail through the routes: a record for each change a person makes (and none for a refused one), read by
 * the trader (their own only) and by admins (anyone's, or everyone's by month), in pages; records never replaced.
 */
class AuditTrailTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final GetAuditHandler own = new GetAuditHandler(context);
    private final GetAdminAuditHandler admin = new GetAdminAuditHandler(context);

    /** {@code event} with a request id of its own, as API Gateway gives every request. */
    static APIGatewayV2HTTPEvent fresh(APIGatewayV2HTTPEvent event) {
        event.getRequestContext().setRequestId(UUID.randomUUID().toString());
        return event;
    }

    private static APIGatewayV2HTTPEvent asTrader(String file, String userId) {
        return fresh(Events.http(file, userId));
    }

    private static APIGatewayV2HTTPEvent onTrader(String file, String traderId, String body) {
        APIGatewayV2HTTPEvent event = fresh(Events.withBody(Events.http(file), body));
        Map<String, String> params = new HashMap<>();
        params.put("id", traderId);
        event.setPathParameters(params);
        event.setRawPath(event.getRawPath().replace("demo-trader", traderId));
        return event;
    }

    private JsonNode ownTrail(String userId, Map<String, String> query) {
        return ok(own.handleRequest(Events.withQuery(Events.http("api/get-audit.json", userId), query), null));
    }

    private APIGatewayV2HTTPResponse adminTrail(Map<String, String> query) {
        return admin.handleRequest(Events.withQuery(Events.http("api/get-admin-audit.json"), query), null);
    }

    /** Buys through the executor: the trader has one open position, whose id this returns. */
    private String openPosition(TraderFixture trader) {
        String symbol = TestSignals.uniqueSymbol();
        trader.price(symbol, "100");
        OrderRequest buy = TestSignals.buy(symbol).usd("500").forTrader(trader.userId());
        new OrderExecutorHandler(context).handleRequest(SqsEvents.order(buy), null);
        return Books.of(trader.userId()).order(buy.orderId()).orElseThrow().positionId();
    }

    private static JsonNode byAction(JsonNode items, String action) {
        for (JsonNode item : items) if (item.path("action").asText().equals(action)) return item;
        throw new AssertionError("no " + action + " in " + items);
    }

    @Test
    @DisplayName("a trader's own changes (settings, mode, pause, resume, close) are each recorded with who, when, "
            + "where from and what changed, and they read them newest first")
    void tradersOwnChanges() {
        TraderFixture trader = TradingSetup.trader().create();
        String positionId = openPosition(trader);
        String user = trader.userId();

        ok(new PauseTradingHandler(context).handleRequest(asTrader("api/pause-trading.json", user), null));
        ok(new ResumeTradingHandler(context).handleRequest(asTrader("api/resume-trading.json", user), null));
        ok(new ClosePositionHandler(context).handleRequest(Events.withBody(asTrader("api/close-position.json", user),
                "{\"positionId\": \"" + positionId + "\"}"), null));
        ok(new PutSettingsHandler(context).handleRequest(Events.withHeader(
                asTrader("api/put-settings.json", user), "If-Match", "\"1\""), null));
        ok(new PutTradingModeHandler(context).handleRequest(asTrader("api/set-trading-mode-paper.json", user), null));
        JsonNode items = ownTrail(user, Map.of()).path("items");

        assertThat(texts(items, "action")).containsExactly("PUT /api/v1/trading/mode", "PUT /api/v1/settings",
                "POST /api/v1/trading/close-position", "POST /api/v1/trading/resume", "POST /api/v1/trading/pause");
        JsonNode pause = byAction(items, "POST /api/v1/trading/pause");
        assertThat(pause.path("actor").asText()).isEqualTo(user);
        assertThat(pause.path("target").asText()).isEqualTo(user);
        assertThat(pause.path("sourceIp").asText()).isEqualTo("203.0.113.10");
        assertThat(pause.path("requestId").asText()).isNotBlank();
        assertThat(pause.path("before").path("botState").asText()).isEqualTo("RUNNING");
        assertThat(pause.path("after").path("botState").asText()).isEqualTo("PAUSED");
        JsonNode settings = byAction(items, "PUT /api/v1/settings");
        assertThat(settings.path("before").path("settings.positionSizePct").asText()).isEqualTo("5");
        assertThat(settings.path("after").path("settings.positionSizePct").asText()).isEqualTo("3");
        JsonNode close = byAction(items, "POST /api/v1/trading/close-position");
        assertThat(close.path("before").path("openPositions").asText()).isEqualTo(positionId);
        assertThat(noValue(close.path("after"), "openPositions")).isTrue();
        Instant at = Instant.parse(pause.path("at").asText());
        assertThat(Duration.between(at, PlatformClock.system().instant()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("a route's summary reads only the aspects it changes, and the aspects read side by side add up to the "
            + "whole summary")
    void summariesPerAspect() {
        TraderFixture trader = TradingSetup.trader().create();
        openPosition(trader);
        AuditSubjects subjects = context.getBean(AuditSubjects.class);

        Map<String, String> settingsOnly = subjects.summarize(trader.userId(), EnumSet.of(AuditAspect.SETTINGS));
        Map<String, String> profileAndPositions = subjects.summarize(trader.userId(),
                EnumSet.of(AuditAspect.PROFILE, AuditAspect.POSITIONS));
        Map<String, String> whole = subjects.summarize(trader.userId());

        assertThat(settingsOnly).isNotEmpty().allSatisfy((key, value) -> assertThat(key).startsWith("settings."));
        assertThat(profileAndPositions).containsKeys("tier", "botState", "openPositions")
                .allSatisfy((key, value) -> assertThat(key).doesNotStartWith("settings.").doesNotStartWith("mode"));
        Map<String, String> union = new java.util.LinkedHashMap<>();
        for (AuditAspect aspect : AuditAspect.values()) union.putAll(subjects.summarize(trader.userId(), EnumSet.of(aspect)));
        assertThat(whole).isEqualTo(union).containsKeys("mode", "openPositions").doesNotContainKey("killSwitch");
        assertThat(subjects.summarize(trader.userId(), EnumSet.noneOf(AuditAspect.class))).isEmpty();
        assertThat(subjects.summarize(com.nija.shared.audit.AuditLog.PLATFORM, EnumSet.of(AuditAspect.SETTINGS)))
                .isEmpty();
    }

    @Test
    @DisplayName("an admin's pause and flatten are in the trader's own trail with the admin, their groups and reason; "
            + "a refused pause (no reason) writes nothing")
    void adminActionsInTheTradersTrail() {
        TraderFixture trader = TradingSetup.trader().create();
        String user = trader.userId();

        problem(new PauseTraderHandler(context).handleRequest(onTrader("api/pause-trader.json", user, "{}"), null),
                400, "invalid-input");
        ok(new PauseTraderHandler(context).handleRequest(onTrader("api/pause-trader.json", user,
                "{\"reason\": \"chargeback under review\"}"), null));
        ok(new FlattenTraderHandler(context).handleRequest(onTrader("api/flatten-trader.json", user,
                "{\"reason\": \"account closing\"}"), null));
        JsonNode items = ownTrail(user, Map.of()).path("items");

        assertThat(texts(items, "action")).containsExactly("POST /api/v1/admin/traders/{id}/flatten",
                "POST /api/v1/admin/traders/{id}/pause");
        JsonNode pause = items.get(1);
        assertThat(pause.path("actor").asText()).isEqualTo("ops-admin");
        assertThat(pause.path("groups").size()).isEqualTo(1);
        assertThat(pause.path("groups").get(0).asText()).isEqualTo("admin");
        assertThat(pause.path("reason").asText()).isEqualTo("chargeback under review");
        assertThat(pause.path("after").path("botState").asText()).isEqualTo(BotState.PAUSED.name());
        assertThat(items.get(0).path("reason").asText()).isEqualTo("account closing");
    }

    @Test
    @DisplayName("the kill switch is recorded against the platform, engaged then released, with the admin's reasons")
    void killSwitchRecorded() {
        KillSwitchHandler handler = new KillSwitchHandler(context);
        Instant from = PlatformClock.system().instant();
        try {
            ok(handler.handleRequest(fresh(Events.http("api/kill-switch.json")), null));
        } finally {
            ok(handler.handleRequest(fresh(Events.withBody(Events.http("api/kill-switch.json"),
                    "{\"engaged\": false, \"reason\": \"outage over\"}")), null));
            context.getBean(KillSwitch.class).set(false, null, "test-cleanup");
        }

        JsonNode items = ok(adminTrail(Map.of("trader", "platform", "from", from.toString()))).path("items");

        assertThat(texts(items, "reason").subList(0, 2)).containsExactly("outage over", "exchange outage");
        assertThat(items.get(0).path("after").path("killSwitch").asText()).isEqualTo("released");
        assertThat(items.get(1).path("after").path("killSwitch").asText()).isEqualTo("engaged");
    }

    @Test
    @DisplayName("a trader reads only their own trail; an admin reads theirs by id and everyone's by month, in pages")
    void whoReadsWhat() {
        TraderFixture a = TradingSetup.trader().create();
        TraderFixture b = TradingSetup.trader().create();
        Instant from = PlatformClock.system().instant();
        for (TraderFixture t : List.of(a, b)) {
            ok(new PauseTradingHandler(context).handleRequest(asTrader("api/pause-trading.json", t.userId()), null));
            ok(new ResumeTradingHandler(context).handleRequest(asTrader("api/resume-trading.json", t.userId()), null));
        }

        JsonNode aOwn = ownTrail(a.userId(), Map.of());
        JsonNode bByAdmin = ok(adminTrail(Map.of("trader", b.userId())));
        List<String> everyone = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("from", from.toString(), "limit", "3"));
            if (cursor != null) query.put("cursor", cursor);
            JsonNode page = ok(adminTrail(query));
            everyone.addAll(texts(page.path("items"), "target"));
            cursor = noValue(page, "nextCursor") ? null : page.path("nextCursor").asText();
        } while (cursor != null && ++pages < 200);

        assertThat(texts(aOwn.path("items"), "target")).containsOnly(a.userId()).hasSize(2);
        assertThat(texts(bByAdmin.path("items"), "target")).containsOnly(b.userId()).hasSize(2);
        assertThat(everyone).filteredOn(t -> t.equals(a.userId()) || t.equals(b.userId())).hasSize(4);
    }

    @Test
    @DisplayName("a trader's token is refused with 403 on the admins' trail")
    void tradersCannotReadTheAdminTrail() {
        APIGatewayV2HTTPEvent event = Events.http("api/get-admin-audit.json");
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        claims.remove("cognito:groups");
        claims.put("sub", "t-curious");
        jwt.setClaims(claims);

        problem(admin.handleRequest(event, null), 403, "forbidden");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"from,yesterday,from", "to,2031-13-01T00:00:00Z,to", "trader,not a trader!,trader", "limit,101,limit",
            "cursor,forged.cursor,cursor"})
    @DisplayName("a bad audit query parameter is 400 naming it")
    void badParameters(String name, String value, String field) {
        JsonNode problem = problem(adminTrail(Map.of(name, value)), 400, "invalid-input");

        assertThat(texts(problem.path("errors"), "field")).contains(field);
    }

    @Test
    @DisplayName("from after to, or more than 366 days without a trader, is 400 naming from")
    void badRanges() {
        Instant now = PlatformClock.system().instant();

        JsonNode reversed = problem(adminTrail(Map.of("from", now.toString(), "to", now.minusSeconds(1).toString())),
                400, "invalid-input");
        JsonNode tooLong = problem(adminTrail(Map.of("from", now.minus(Duration.ofDays(400)).toString())), 400,
                "invalid-input");

        assertThat(texts(reversed.path("errors"), "field")).containsExactly("from");
        assertThat(texts(tooLong.path("errors"), "field")).containsExactly("from");
    }

    @Test
    @DisplayName("a cursor one trader was given is refused to another")
    void cursorsAreTheReaders() {
        TraderFixture a = TradingSetup.trader().create();
        for (int i = 0; i < 2; i++) {
            ok(new PauseTradingHandler(context).handleRequest(asTrader("api/pause-trading.json", a.userId()), null));
        }
        String cursor = ownTrail(a.userId(), Map.of("limit", "1")).path("nextCursor").asText();

        JsonNode refused = problem(own.handleRequest(Events.withQuery(Events.http("api/get-audit.json",
                "t-other-" + UUID.randomUUID()), Map.of("cursor", cursor)), null), 400, "invalid-input");

        assertThat(texts(refused.path("errors"), "field")).containsExactly("cursor");
    }

    @Test
    @DisplayName("a second write with a record's id and time leaves the first as it was: records are never replaced")
    void appendOnly() {
        AuditRepository records = context.getBean(AuditRepository.class);
        Instant at = PlatformClock.system().instant();
        String target = "t-append-" + UUID.randomUUID();
        String sk = AuditRepository.sortKey(at, "req-1");
        AuditItem first = new AuditItem(AuditRepository.partition(target), sk, "req-1", at, "ops-admin",
                List.of("admin"), "req-1", "203.0.113.10", target, "POST /x", "first", Map.of("botState", "RUNNING"),
                Map.of("botState", "PAUSED"), AuditRepository.month(AuditRepository.monthOf(at)), sk + "#" + target);
        AuditItem rewrite = new AuditItem(first.pk(), sk, "req-1", at, "someone-else", List.of(), "req-1", null,
                target, "POST /x", "rewritten", Map.of(), Map.of(), first.gsi1pk(), first.gsi1sk());

        boolean written = records.append(first);
        boolean overwritten = records.append(rewrite);
        List<AuditItem> stored = records.ofTarget(target, at.minusSeconds(1), at.plusSeconds(1), null, 10).items();

        assertThat(written).isTrue();
        assertThat(overwritten).isFalse();
        assertThat(stored).containsExactly(first);
    }
}
