package com.nija.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** One trader over HTTP: their settings, orders, positions, trades, dashboard and performance. */
public final class Trader {
    private static final String SETTINGS = "/api/v1/settings";

    private final Api api;
    private final String id;
    private final String token;

    public Trader(Api api, String id, String token) {
        this.api = api;
        this.id = id;
        this.token = token;
    }

    /** A trader seen for the first time (local only: their token is signed with the platform's key). */
    public static Trader fresh(ApiTarget target, String purpose) {
        String id = ApiTarget.newTraderId(purpose);
        return new Trader(new Api(target), id, target.tokenFor(id, "new traders (" + purpose + ")"));
    }

    /** A fresh trader who follows {@code source} with these settings. */
    public static Trader following(ApiTarget target, String purpose, SignalSource source, Map<String, ?> settings) {
        Trader trader = fresh(target, purpose);
        trader.follow(source, settings);
        return trader;
    }

    /** The same trader, calling another API (another region of the platform). */
    public Trader via(Api other) {
        return new Trader(other, id, token);
    }

    public String id() {
        return id;
    }

    public String token() {
        return token;
    }

    /**
     * Switches trading on and follows {@code source}; {@code changes} override any other setting
     * ({@code allowedSymbols}, {@code allowShorts}, {@code positionSizePct}, …). Returns the saved settings.
     */
    public JsonNode follow(SignalSource source, Map<String, ?> changes) {
        ApiResponse current = api.get(SETTINGS, token).expect(200);
        ObjectNode settings = (ObjectNode) current.json();
        settings.remove("updatedAt");
        settings.put("tradingEnabled", true);
        settings.set("subscriptions", Api.JSON.valueToTree(List.of(source.id())));
        changes.forEach((k, v) -> settings.set(k, Api.JSON.valueToTree(v)));
        return api.putJson(SETTINGS, token, settings, current.header("ETag").orElseThrow()).ok();
    }

    /** Newest first; {@code status} null for all. The route shows at most 100. */
    public List<JsonNode> orders(String status) {
        JsonNode body = api.get("/api/v1/orders?limit=100" + (status == null ? "" : "&status=" + status), token).ok();
        return list(body.path("orders"));
    }

    /** {@code status} open, closed or null for all. */
    public List<JsonNode> positions(String status) {
        return list(api.get("/api/v1/positions" + (status == null ? "" : "?status=" + status), token).ok()
                .path("positions"));
    }

    /** Every trade, paging through the history 100 at a time. */
    public List<JsonNode> trades() {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String query = "/api/v1/trades?limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = api.get(query, token).ok();
            all.addAll(list(page.path("trades")));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    /** {@code POST /api/v1/trading/close-position}; the caller checks the answer. */
    public ApiResponse closePosition(String positionId) {
        return api.send("POST", "/api/v1/trading/close-position", token, Map.of("Content-Type", "application/json"),
                Api.JSON.createObjectNode().put("positionId", positionId).toString());
    }

    public JsonNode dashboard() {
        return api.get("/api/v1/dashboard", token).ok();
    }

    public JsonNode performance(String period) {
        return api.get("/api/v1/performance?period=" + period, token).ok();
    }

    /** Waits until the orders in {@code status} (null: all) satisfy {@code done}; returns them. */
    public List<JsonNode> awaitOrders(String what, String status, Predicate<List<JsonNode>> done) {
        return Await.until(what + " for " + id, Duration.ofSeconds(20), () -> orders(status), done);
    }

    /** Waits until the positions in {@code status} satisfy {@code done}; returns them. */
    public List<JsonNode> awaitPositions(String what, String status, Predicate<List<JsonNode>> done) {
        return Await.until(what + " for " + id, Duration.ofSeconds(20), () -> positions(status), done);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
