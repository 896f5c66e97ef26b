package com.nija.it.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import com.nija.local.platform.LocalPlatform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An admin controlling one trader over HTTP on the local platform: pause (the trader's next signal is not ordered and
 * their connected client is told), resume, flatten twice (one close order per position), and the audit trail of it
 * all read by the trader and by the admin.
 */
@PlatformTest
@LocalPlatformOnly("an admin token signed with the platform's key and a WebSocket client on its gateway")
@DisplayName("Admin control of a trader")
class AdminControlIT {
    private static final Duration PUSH_WAIT = Duration.ofSeconds(30);
    private static final String ADA = "ADA-USD";
    private static final String XRP = "XRP-USD";

    private final ApiTarget target;
    private final LocalPlatform platform;
    private final Api api;
    private final SignalSource source;

    AdminControlIT(ApiTarget target) {
        this.target = target;
        this.platform = target.platform("an admin token and a WebSocket client");
        this.api = new Api(target);
        this.source = SignalSource.register(target, "an admin control test");
    }

    private String adminToken(String adminId) {
        return platform.tokens().issue(adminId, List.of("admin"), Duration.ofMinutes(10));
    }

    private ApiResponse post(String path, String token, String reason) {
        String body = Api.JSON.createObjectNode().put("reason", reason).toString();
        return api.send("POST", path, token, Map.of("Content-Type", "application/json"), body);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    @DisplayName("paused by an admin, the trader hears it and their next signal is refused; resumed, it fills; "
            + "flattened twice, each position closes once; both read the audit trail of it")
    @SuppressWarnings("unchecked")
    void pauseFlattenAndAudit() throws Exception {
        Trader trader = Trader.fresh(target, "admin control");
        trader.follow(source, Map.of("allowedSymbols", List.of(ADA, XRP)));
        source.price(ADA, "0.50");
        source.price(XRP, "0.60");
        String adminId = ApiTarget.newTraderId("admin");
        String admin = adminToken(adminId);
        String traderPath = "/api/v1/admin/traders/" + trader.id();
        String why = "it: chargeback review " + UUID.randomUUID();

        Map<String, Object> heard;
        try (LiveClient client = LiveClient.connect(platform.webSocketUrl(), trader.token())) {
            post(traderPath + "/pause", admin, why).ok();
            heard = (Map<String, Object>) LiveUpdatesIT.awaitUpdate(client, "bot.paused").get("data");
        }
        source.send(SignalSource.signal("buy", XRP)).expect(202);
        JsonNode refused = trader.awaitOrders("the signal while paused", "refused", o -> o.size() == 1).get(0);
        post(traderPath + "/resume", admin, "it: review done").ok();
        source.send(SignalSource.signal("buy", ADA)).expect(202);
        String positionId = trader.awaitPositions("the buy after resuming", "open", p -> p.size() == 1).get(0)
                .path("positionId").asText();
        JsonNode first = post(traderPath + "/flatten", admin, "it: account closing").ok();
        JsonNode second = post(traderPath + "/flatten", admin, "it: account closing, retried").ok();
        JsonNode own = api.get("/api/v1/audit", trader.token()).ok();
        JsonNode byAdmin = api.get("/api/v1/admin/audit?trader=" + trader.id(), admin).ok();

        assertThat((String) heard.get("botState")).isEqualTo("paused");
        assertThat((String) heard.get("reason")).contains("by an admin").contains(why);
        assertThat(refused.path("symbol").asText()).isEqualTo(XRP);
        assertThat(refused.path("reason").asText()).isEqualTo("bot is paused");
        assertThat(texts(first.path("closed"), "positionId")).containsExactly(positionId);
        assertThat(texts(first.path("closed"), "status")).containsExactly("FILLED");
        assertThat(second.path("closed")).isEmpty();
        List<JsonNode> closes = trader.orders(null).stream().filter(o -> "CLOSE".equals(o.path("intent").asText()))
                .toList();
        assertThat(closes).extracting(o -> o.path("positionId").asText()).containsExactly(positionId);
        List<String> adminActions = List.of("POST /api/v1/admin/traders/{id}/flatten",
                "POST /api/v1/admin/traders/{id}/flatten", "POST /api/v1/admin/traders/{id}/resume",
                "POST /api/v1/admin/traders/{id}/pause");
        for (JsonNode trail : List.of(own, byAdmin)) {
            List<JsonNode> byTheAdmin = new ArrayList<>();
            trail.path("items").forEach(i -> {
                if (adminId.equals(i.path("actor").asText())) byTheAdmin.add(i);
            });
            assertThat(byTheAdmin).extracting(i -> i.path("action").asText()).containsExactlyElementsOf(adminActions);
            assertThat(byTheAdmin.get(3).path("reason").asText()).isEqualTo(why);
            assertThat(byTheAdmin.get(0).path("before").path("openPositions").asText()).isEmpty();
            assertThat(byTheAdmin.get(1).path("before").path("openPositions").asText()).isEqualTo(positionId);
        }
    }

    @Test
    @DisplayName("a trader's token is refused with 403 on another trader's pause and on the admins' audit trail")
    void tradersAreNotAdmins() {
        Trader trader = Trader.fresh(target, "admin control");
        Trader other = Trader.fresh(target, "admin control");

        post("/api/v1/admin/traders/" + other.id() + "/pause", trader.token(), "not allowed").problem(403);
        api.get("/api/v1/admin/audit?trader=" + other.id(), trader.token()).problem(403);

        assertThat(other.dashboard().path("botState").asText()).isNotEqualTo("paused");
    }
}
