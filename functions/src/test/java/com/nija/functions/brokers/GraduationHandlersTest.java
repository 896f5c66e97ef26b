package com.nija.functions.brokers;

import static com.nija.functions.brokers.BrokerRoutes.require;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.audit.GetAuditHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.RollupPeriod;
import com.nija.shared.data.TradingTables;
import com.nija.shared.venues.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paper to live: a Pro trader with a tested key is still refused live until they graduate — the refusal and the
 * account name each unmet criterion — or an admin records a waiver (audited); and until they accept the terms in force.
 */
class GraduationHandlersTest {
    private static final String LIVE = "{\"mode\":\"live\",\"venue\":\"coinbase\",\"acknowledgeRisk\":true}";
    private static final String REASON = "{\"reason\": \"verified professional: five years at a prop desk\"}";

    private final BrokerRoutes routes = BrokerRoutes.get();
    private final TradingTables tables = routes.context.getBean(TradingTables.class);

    /** A Pro trader whose paper account started {@code daysAgo} days ago, with a tested Coinbase key. */
    private String trader(long daysAgo) {
        String user = TraderFixture.newTrader().userId();
        Instant started = routes.clock.instant().minus(Duration.ofDays(daysAgo));
        tables.profiles().putItem(new ProfileItem(Keys.user(user), Keys.PROFILE, user, null, "pro", "active",
                "RUNNING", new BigDecimal("10000.00"), 0L, started, started, null));
        routes.connectedAndTested(user, Venue.COINBASE);
        return user;
    }

    /** The lifetime roll-up the engine keeps: {@code trades} closed round trips, {@code wins} of them winners. */
    private void closed(String user, long trades, long wins) {
        tables.rollups().putItem(new RollupItem(Keys.user(user), Keys.rollup(RollupPeriod.ALL, routes.clock.instant()),
                "ALL", new BigDecimal("120.00"), new BigDecimal("10.00"), trades, wins, trades - wins,
                new BigDecimal("300.00"), new BigDecimal("180.00"), new BigDecimal("50000"), "o-last", null));
    }

    private static List<String> missing(JsonNode problem) {
        List<String> out = new java.util.ArrayList<>();
        problem.path("missing").forEach(m -> out.add(m.asText()));
        return out;
    }

    @Test
    @DisplayName("a trader who has not graduated is refused live, told each unmet criterion; the account shows the same progress")
    void refusedUntilGraduated() {
        String user = trader(3);
        require(routes.acceptTerms(user), 200);
        closed(user, 12, 5);

        JsonNode refused = problem(routes.setMode(user, LIVE), 409, "live-trading-refused");

        assertThat(missing(refused)).singleElement().asString().startsWith("graduation from paper trading")
                .contains("12 of 50 closed paper trades", "a win rate of 41.66 % of at least 52 %",
                        "3 of 14 days on paper", "admin's waiver");
        JsonNode graduation = ok(routes.account(user)).path("graduation");
        assertThat(graduation.path("graduated").asBoolean()).isFalse();
        assertThat(texts(graduation.path("criteria"), "current")).containsExactly("12", "41.66", "3");
        assertThat(texts(graduation.path("criteria"), "met")).containsExactly("false", "false", "false");
        assertThat(ok(routes.getMode(user)).path("mode").asText()).isEqualTo("paper");
    }

    @ParameterizedTest(name = "{0} trades, {1} wins, {2} days: live {3}")
    @CsvSource({"50, 26, 14, 200", "50, 25, 30, 409", "49, 40, 30, 409", "80, 60, 13, 409"})
    @DisplayName("meeting all three criteria (50 trades, 52 %, 14 days) opens live; missing any one keeps it closed")
    void graduatesOnCriteria(long trades, long wins, long days, int status) {
        String user = trader(days);
        require(routes.acceptTerms(user), 200);
        closed(user, trades, wins);

        assertThat(routes.setMode(user, LIVE).getStatusCode()).isEqualTo(status);
        assertThat(ok(routes.account(user)).path("graduation").path("criteriaMet").asBoolean())
                .isEqualTo(status == 200);
    }

    @Test
    @DisplayName("an admin's waiver opens live without the criteria; it is recorded with who, when and why, in the trader's audit trail, and a second one keeps the first")
    void waiver() {
        String user = trader(0);
        require(routes.acceptTerms(user), 200);

        JsonNode waived = ok(routes.waive(user, REASON));

        assertThat(waived.path("graduated").asBoolean()).isTrue();
        assertThat(waived.path("criteriaMet").asBoolean()).isFalse();
        assertThat(waived.path("waiver").path("grantedBy").asText()).isEqualTo("ops-admin");
        assertThat(waived.path("waiver").path("grantedAt").asText()).isEqualTo(routes.clock.instant().toString());
        assertThat(ok(routes.setMode(user, LIVE)).path("mode").asText()).isEqualTo("live");
        JsonNode again = ok(routes.waive(user, "{\"reason\": \"another reason\"}"));
        assertThat(again.path("waiver").path("reason").asText()).contains("prop desk");
        JsonNode trail = ok(new GetAuditHandler(routes.context).handleRequest(
                Events.http("api/get-audit.json", user), null)).path("items");
        JsonNode record = null;
        for (JsonNode item : trail) {
            if (item.path("action").asText().equals("POST /api/v1/admin/traders/{id}/graduation-waiver")
                    && item.path("reason").asText().contains("prop desk")) record = item;
        }
        assertThat(record).as("the waiver in %s", trail).isNotNull();
        assertThat(record.path("actor").asText()).isEqualTo("ops-admin");
        assertThat(record.path("after").path("graduation.waiver").asText()).startsWith("granted by ops-admin");
    }

    @Test
    @DisplayName("the terms in force must be accepted too: a graduated trader who has not accepted them is refused, told how")
    void termsBeforeLive() {
        String user = trader(20);
        closed(user, 60, 40);

        JsonNode refused = problem(routes.setMode(user, LIVE), 409, "live-trading-refused");

        assertThat(missing(refused)).singleElement().asString().contains("terms (2026-12-01)")
                .contains("POST /api/v1/account/terms");
        require(routes.acceptTerms(user), 200);
        assertThat(ok(routes.setMode(user, LIVE)).path("mode").asText()).isEqualTo("live");
    }

    @Test
    @DisplayName("a waiver needs an admin signed in with two factors, a reason and a trader who exists; a refusal records nothing")
    void waiverRefusals() {
        String user = trader(0);
        APIGatewayV2HTTPEvent asTrader = BrokerRoutes.onTrader("api/graduation-waiver.json", user, REASON);
        Map<String, String> traderClaims = new HashMap<>(Map.of("sub", user));
        asTrader.getRequestContext().getAuthorizer().getJwt().setClaims(traderClaims);
        APIGatewayV2HTTPEvent noMfa = BrokerRoutes.onTrader("api/graduation-waiver.json", user, REASON);
        Map<String, String> passwordOnly = new HashMap<>(noMfa.getRequestContext().getAuthorizer().getJwt().getClaims());
        passwordOnly.put("amr", "[pwd]");
        noMfa.getRequestContext().getAuthorizer().getJwt().setClaims(passwordOnly);

        problem(routes.waive.handleRequest(asTrader, null), 403, "forbidden");
        JsonNode mfa = problem(routes.waive.handleRequest(noMfa, null), 403, "mfa-required");
        assertThat(mfa.path("detail").asText()).contains("two-factor");
        problem(routes.waive(user, "{}"), 400, "invalid-input");
        problem(routes.waive("t-nobody-" + user, REASON), 404, "not-found");

        assertThat(ok(routes.account(user)).path("graduation").has("waiver")).isFalse();
    }
}
