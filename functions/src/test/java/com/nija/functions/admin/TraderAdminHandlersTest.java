package com.nija.functions.admin;

import static com.nija.functions.admin.AdminTraderRoutes.asTrader;
import static com.nija.functions.admin.AdminTraderRoutes.onTrader;
import static com.nija.functions.admin.AdminTraderRoutes.reason;
import static com.nija.functions.support.ApiResponses.json;
import static com.nija.functions.support.ApiResponses.noValue;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.dashboard.GetDashboardHandler;
import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.support.Books;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.account.BotState;
import com.nija.shared.account.ProfileRepository;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.trading.PositionStatus;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin trader routes: the directory, a trader's dashboard, pause and resume with a reason, flatten once. */
class TraderAdminHandlersTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final AdminTraderRoutes routes = new AdminTraderRoutes(context);
    private final OrderExecutorHandler executor = new OrderExecutorHandler(context);

    /** A trader holding a long on a market of its own, opened by the executor. */
    private String openLong(TraderFixture trader) {
        String symbol = TestSignals.uniqueSymbol();
        trader.price(symbol, "100");
        OrderRequest buy = TestSignals.buy(symbol).usd("500").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(buy), null);
        return Books.of(trader.userId()).order(buy.orderId()).orElseThrow().positionId();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"list-traders", "get-trader", "pause-trader", "resume-trader", "flatten-trader"})
    @DisplayName("a trader's token is refused with 403 on every admin trader route, and the target trader is untouched")
    void tradersAreRefused(String function) {
        TraderFixture target = TradingSetup.trader().create();
        String positionId = openLong(target);
        APIGatewayV2HTTPEvent event = asTrader(Events.withBody(onTrader("api/" + function + ".json",
                target.userId()), reason("I would like to")), "t-curious-" + UUID.randomUUID());

        problem(routes.send(function, event), 403, "forbidden");

        ProfileItem profile = context.getBean(ProfileRepository.class).find(target.userId()).orElseThrow();
        assertThat(profile.botState()).isEqualTo(BotState.RUNNING.name());
        assertThat(Books.of(target.userId()).position(positionId).orElseThrow().status())
                .isEqualTo(PositionStatus.OPEN.name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}|400|invalid-input|reason",
            "{\"reason\": \"   \"}|400|invalid-input|reason",
            "not json|400|invalid-input|body"})
    @DisplayName("a pause without a usable reason is a problem naming the field, and the bot keeps running")
    void pauseNeedsAReason(String body, int status, String type, String field) {
        TraderFixture trader = TradingSetup.trader().create();

        JsonNode problem = problem(routes.pause(trader.userId(), body), status, type);

        assertThat(texts(problem.path("errors"), "field")).containsExactly(field);
        assertThat(context.getBean(ProfileRepository.class).find(trader.userId()).orElseThrow().botState())
                .isEqualTo(BotState.RUNNING.name());
    }

    @Test
    @DisplayName("a reason over 500 characters is 422 naming reason; a path id that is no trader id is 400 naming id")
    void reasonTooLongAndBadId() {
        TraderFixture trader = TradingSetup.trader().create();

        JsonNode tooLong = problem(routes.pause(trader.userId(), reason("x".repeat(501))), 422, "rule-violation");
        JsonNode badId = problem(routes.flatten("not a trader!", reason("test")), 400, "invalid-input");

        assertThat(texts(tooLong.path("errors"), "field")).containsExactly("reason");
        assertThat(texts(badId.path("errors"), "field")).containsExactly("id");
    }

    @Test
    @DisplayName("pausing, resuming, flattening or viewing a trader nobody has seen is 404, and creates no profile")
    void unknownTrader() {
        String nobody = "t-nobody-" + UUID.randomUUID();

        problem(routes.pause(nobody, reason("fraud check")), 404, "not-found");
        problem(routes.resume(nobody, reason("fraud check")), 404, "not-found");
        problem(routes.flatten(nobody, reason("fraud check")), 404, "not-found");
        problem(routes.get(nobody), 404, "not-found");

        assertThat(context.getBean(ProfileRepository.class).find(nobody)).isEmpty();
    }

    @Test
    @DisplayName("an admin's pause stops the trader's next order ('bot is paused'); their resume lets the next one fill")
    void pauseAndResume() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "10");

        JsonNode paused = ok(routes.pause(trader.userId(), reason("chargeback under review")));
        OrderRequest whilePaused = TestSignals.buy(symbol).usd("100").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(whilePaused), null);
        JsonNode resumed = ok(routes.resume(trader.userId(), reason("chargeback resolved")));
        OrderRequest afterResume = TestSignals.buy(symbol).usd("100").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(afterResume), null);

        assertThat(paused.path("traderId").asText()).isEqualTo(trader.userId());
        assertThat(paused.path("botState").asText()).isEqualTo("paused");
        assertThat(Books.of(trader.userId()).order(whilePaused.orderId()).orElseThrow().reason())
                .isEqualTo("bot is paused");
        assertThat(resumed.path("botState").asText()).isEqualTo("running");
        assertThat(Books.of(trader.userId()).order(afterResume.orderId()).orElseThrow().status())
                .isEqualTo(OrderStatus.FILLED);
    }

    @Test
    @DisplayName("flatten closes every open position with one close order each; flattening again closes nothing twice")
    void flattenTwice() {
        TraderFixture trader = TradingSetup.trader().create();
        List<String> positions = List.of(openLong(trader), openLong(trader));

        JsonNode first = ok(routes.flatten(trader.userId(), reason("account closing")));
        JsonNode second = ok(routes.flatten(trader.userId(), reason("account closing (retry)")));

        assertThat(texts(first.path("closed"), "positionId")).containsExactlyInAnyOrderElementsOf(positions);
        assertThat(texts(first.path("closed"), "status")).containsOnly("FILLED");
        assertThat(second.path("closed")).isEmpty();
        assertThat(second.path("alreadyClosing")).isEmpty();
        List<OrderItem> closes = Books.of(trader.userId()).orders().stream()
                .filter(o -> o.intent() == OrderIntent.CLOSE).toList();
        assertThat(closes).extracting(OrderItem::positionId).containsExactlyInAnyOrderElementsOf(positions);
        assertThat(Books.of(trader.userId()).positions()).extracting(p -> p.status())
                .containsOnly(PositionStatus.CLOSED.name());
    }

    @Test
    @DisplayName("an admin sees a trader's dashboard exactly as the trader does")
    void dashboardAsTheTraderSeesIt() {
        TraderFixture trader = TradingSetup.trader().create();
        openLong(trader);

        JsonNode asAdmin = ok(routes.get(trader.userId()));
        JsonNode asTrader = ok(new GetDashboardHandler(context)
                .handleRequest(Events.http("api/get-dashboard.json", trader.userId()), null));

        assertThat(asAdmin).isEqualTo(asTrader);
        assertThat(asAdmin.path("openPositions").asInt()).isEqualTo(1);
    }

    /** Five traders under one id prefix: tiers basic, pro, basic, pro, basic. */
    private List<String> directoryOfFive(String prefix) {
        TradingTables tables = context.getBean(TradingTables.class);
        Instant now = PlatformClock.system().instant();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String id = prefix + i;
            tables.profiles().putItem(new ProfileItem(Keys.user(id), Keys.PROFILE, id, null, i % 2 == 1 ? "basic"
                    : "pro", "active", BotState.RUNNING.name(), new BigDecimal("10000.00"), 0L, now, now, null));
            ids.add(id);
        }
        return ids;
    }

    @Test
    @DisplayName("the directory pages an id prefix in id order, two at a time, with a cursor and no repeats")
    void directoryPages() {
        String prefix = "dir-" + UUID.randomUUID() + "-";
        List<String> ids = directoryOfFive(prefix);

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = new java.util.HashMap<>(Map.of("query", prefix, "limit", "2"));
            if (cursor != null) query.put("cursor", cursor);
            JsonNode page = ok(routes.list(query));
            sizes.add(page.path("items").size());
            seen.addAll(texts(page.path("items"), "id"));
            cursor = noValue(page, "nextCursor") ? null : page.path("nextCursor").asText();
        } while (cursor != null && sizes.size() < 10);

        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(sizes.subList(0, 3)).containsExactly(2, 2, 1);
    }

    @Test
    @DisplayName("a directory row shows tier, subscription, mode, bot state, open positions and equity; tier filters")
    void directoryRowsAndFilters() {
        TraderFixture trader = TradingSetup.trader().tier("basic").create();
        openLong(trader);
        String prefix = "dir-" + UUID.randomUUID() + "-";
        List<String> ids = directoryOfFive(prefix);

        JsonNode row = ok(routes.list(Map.of("query", trader.userId()))).path("items").get(0);
        JsonNode basic = ok(routes.list(Map.of("query", prefix, "tier", "basic")));
        JsonNode live = ok(routes.list(Map.of("query", prefix, "mode", "live")));

        assertThat(row.path("id").asText()).isEqualTo(trader.userId());
        assertThat(row.path("tier").asText()).isEqualTo("basic");
        assertThat(row.path("subscriptionStatus").asText()).isEqualTo("active");
        assertThat(row.path("mode").asText()).isEqualTo("paper");
        assertThat(row.path("botState").asText()).isEqualTo("running");
        assertThat(row.path("openPositions").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(row.path("equity").asText())).isPositive();
        assertThat(row.path("lastOrder").path("side").asText()).isEqualToIgnoringCase("buy");
        assertThat(texts(basic.path("items"), "id")).containsExactly(ids.get(0), ids.get(2), ids.get(4));
        assertThat(live.path("items")).isEmpty();
        assertThat(row.toString()).doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("keyHint");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"tier,gold", "mode,demo", "status,happy", "query,not an id!", "limit,0", "limit,51",
            "cursor,forged.cursor"})
    @DisplayName("a bad directory parameter is 400 naming it")
    void badDirectoryParameters(String name, String value) {
        JsonNode problem = problem(routes.list(Map.of(name, value)), 400, "invalid-input");

        assertThat(texts(problem.path("errors"), "field")).contains(name);
    }

    @Test
    @DisplayName("a cursor issued for one filter is refused on another")
    void cursorBoundToItsFilter() {
        String prefix = "dir-" + UUID.randomUUID() + "-";
        directoryOfFive(prefix);
        String cursor = ok(routes.list(Map.of("query", prefix, "limit", "1"))).path("nextCursor").asText();

        JsonNode problem = problem(routes.list(Map.of("query", prefix, "tier", "pro", "cursor", cursor)), 400,
                "invalid-input");

        assertThat(texts(problem.path("errors"), "field")).containsExactly("cursor");
        assertThat(json(routes.list(Map.of("query", prefix, "limit", "1", "cursor", cursor))).path("items").size())
                .isEqualTo(1);
    }
}
