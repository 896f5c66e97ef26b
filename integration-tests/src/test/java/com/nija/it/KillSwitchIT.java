package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The global kill switch ({@code POST /api/v1/admin/kill-switch}, admin group only) stops every new order; closing
 * positions still works. The test always disengages it again: it is global, and other test classes trade.
 */
@PlatformTest
@DisplayName("The admin kill switch")
class KillSwitchIT {
    private static final String KILL_SWITCH = "/api/v1/admin/kill-switch";
    private static final String LTC = "LTC-USD";
    private static final String FIL = "FIL-USD";

    private final ApiTarget target;
    private final Api api;
    private final SignalSource source;

    KillSwitchIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
        this.source = SignalSource.register(target, "a kill switch test");
    }

    @Test
    @DisplayName("engaged by an admin, a new signal's orders are refused with the kill-switch reason while the "
            + "trader can still close a position; disengaged, signals fill again")
    void engagedSwitchRefusesNewOrders() {
        Trader trader = Trader.fresh(target, "kill switch");
        trader.follow(source, Map.of("allowedSymbols", List.of(LTC, FIL)));
        source.price(LTC, "80.00");
        source.price(FIL, "4.00");
        source.send(signal("buy", LTC)).expect(202);
        String positionId = trader.awaitPositions("the buy to open a position", "open", p -> p.size() == 1).get(0)
                .path("positionId").asText();
        String admin = adminToken();
        String reason = "it: exchange halted " + UUID.randomUUID();

        JsonNode engaged = switchTo(admin, true, reason).ok();

        assertThat(engaged.path("engaged").asBoolean()).isTrue();
        try {
            source.send(signal("buy", FIL)).expect(202);
            JsonNode refused = trader.awaitOrders("the order to be refused", "refused", o -> o.size() == 1).get(0);
            assertThat(refused.path("symbol").asText()).isEqualTo(FIL);
            assertThat(refused.path("reason").asText()).contains("kill switch").contains(reason);
            assertThat(trader.positions("open")).extracting(p -> p.path("symbol").asText()).containsExactly(LTC);
            JsonNode close = trader.closePosition(positionId).ok();
            assertThat(close.path("status").asText()).isEqualTo("FILLED");
        } finally {
            assertThat(switchTo(admin, false, "it: done").ok().path("engaged").asBoolean()).isFalse();
        }

        Trader later = Trader.fresh(target, "kill switch"); // new, so the order throttle (5 s apart) can't interfere
        later.follow(source, Map.of("allowedSymbols", List.of(FIL)));
        source.send(signal("buy", FIL)).expect(202);
        JsonNode filled = later.awaitOrders("a signal after disengaging to fill", null, o -> o.size() == 1).get(0);
        assertThat(filled.path("status").asText()).isEqualTo("FILLED");
        assertThat(filled.path("symbol").asText()).isEqualTo(FIL);
    }

    @Test
    @DisplayName("a trader without the admin group gets 403 and the switch stays off")
    void nonAdminIsForbidden() {
        Trader trader = Trader.fresh(target, "kill switch");
        trader.follow(source, Map.of("allowedSymbols", List.of(LTC)));
        source.price(LTC, "80.00");

        switchTo(trader.token(), true, "not allowed").problem(403);

        source.send(signal("buy", LTC)).expect(202);
        assertThat(trader.awaitOrders("the order after the refused switch", null, o -> o.size() == 1).get(0)
                .path("status").asText()).isEqualTo("FILLED");
    }

    private ApiResponse switchTo(String token, boolean engaged, String reason) {
        String body = Api.JSON.createObjectNode().put("engaged", engaged).put("reason", reason).toString();
        return api.send("POST", KILL_SWITCH, token, Map.of("Content-Type", "application/json"),
                body);
    }

    private String adminToken() {
        return target.platform("an admin token signed with the platform's own key").tokens()
                .issue(ApiTarget.newTraderId("admin"), List.of("admin"), Duration.ofMinutes(10));
    }

    private static Map<String, Object> signal(String action, String symbol) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("signalId", "it-" + action + "-" + UUID.randomUUID());
        s.put("symbol", symbol);
        s.put("action", action);
        return s;
    }
}
