package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import com.nija.shared.observability.InMemoryMetricsSink;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Settings are cached, and a change is visible on the very next read: the trader never sees their old settings
 * (or a dashboard built from them) after saving new ones. Locally each test has a trader of its own; on a deployed
 * stack each puts the trader's settings back afterwards.
 */
@PlatformTest
@DisplayName("Changing risk settings")
class SettingsCacheIT {
    private static final String SETTINGS = "/api/v1/settings";

    private final ApiTarget target;
    private final Api api;
    private ObjectNode original;
    private String token;

    SettingsCacheIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    @BeforeEach
    void rememberSettings() {
        token = target.changeableTraderToken("settings cache");
        original = (ObjectNode) api.get(SETTINGS, token).ok();
    }

    @AfterEach
    void restoreSettings() {
        ApiResponse current = api.get(SETTINGS, token).expect(200);
        if (current.json().path("version").asLong() == original.path("version").asLong()) return;
        api.putJson(SETTINGS, token, original, current.header("ETag").orElseThrow()).expect(200);
    }

    @Test
    @DisplayName("reading the settings twice serves the second read from the cache")
    void secondReadIsCached() {
        InMemoryMetricsSink metrics = target.platform("counting cache hits").metrics();
        api.get(SETTINGS, token).expect(200);
        double hits = metrics.total("CacheHit");

        api.get(SETTINGS, token).expect(200);

        assertThat(metrics.total("CacheHit")).isGreaterThan(hits);
    }

    @Test
    @DisplayName("after saving with If-Match, the next read shows the change at once, and so does the dashboard")
    void changeIsVisibleAtOnce() {
        ApiResponse before = api.get(SETTINGS, token).expect(200);
        api.get(SETTINGS, token).expect(200); // now certainly cached
        JsonNode dashboardBefore = api.get("/api/v1/dashboard", token).ok();
        boolean enabled = before.json().path("tradingEnabled").asBoolean();
        assertThat(dashboardBefore.path("tradingEnabled").asBoolean()).isEqualTo(enabled);
        ObjectNode change = changed(before.json(), !enabled);

        ApiResponse saved = api.putJson(SETTINGS, token, change, before.header("ETag").orElseThrow());

        saved.expect(200);
        assertThat(saved.header("ETag")).isPresent().isNotEqualTo(before.header("ETag"));
        ApiResponse after = api.get(SETTINGS, token);
        JsonNode settings = after.ok();
        assertThat(settings.path("tradingEnabled").asBoolean()).isEqualTo(!enabled);
        assertThat(new BigDecimal(settings.path("positionSizePct").asText()))
                .isEqualByComparingTo(change.path("positionSizePct").asText());
        assertThat(after.header("ETag")).isEqualTo(saved.header("ETag"));
        JsonNode dashboard = api.get("/api/v1/dashboard", token).ok();
        assertThat(dashboard.path("tradingEnabled").asBoolean()).isEqualTo(!enabled);
        assertThat(dashboard.path("botState").asText()).isEqualTo(enabled ? "disabled" : "running");
    }

    @Test
    @DisplayName("saving over someone else's newer change is refused with 412 and keeps their change")
    void staleIfMatchIsRefused() {
        ApiResponse read = api.get(SETTINGS, token).expect(200);
        boolean enabled = read.json().path("tradingEnabled").asBoolean();
        String etag = read.header("ETag").orElseThrow();
        api.putJson(SETTINGS, token, changed(read.json(), enabled), etag).expect(200);

        ApiResponse late = api.putJson(SETTINGS, token, changed(read.json(), !enabled), etag);

        late.problem(412);
        assertThat(api.get(SETTINGS, token).ok().path("tradingEnabled").asBoolean()).isEqualTo(enabled);
    }

    @Test
    @DisplayName("saving without saying which version is replaced is refused with 428 and changes nothing")
    void versionIsRequired() {
        ObjectNode change = changed(original, !original.path("tradingEnabled").asBoolean());
        change.remove("version");

        api.putJson(SETTINGS, token, change, null).problem(428);

        assertThat(api.get(SETTINGS, token).ok()).isEqualTo(original);
    }

    /** The settings with trading switched as given and a different position size. */
    private static ObjectNode changed(JsonNode settings, boolean tradingEnabled) {
        ObjectNode change = settings.deepCopy();
        BigDecimal size = new BigDecimal(settings.path("positionSizePct").asText("2"));
        change.put("positionSizePct", (size.compareTo(new BigDecimal("5")) == 0 ? new BigDecimal("4.5")
                : new BigDecimal("5")).toPlainString());
        change.put("tradingEnabled", tradingEnabled);
        change.remove("updatedAt");
        return change;
    }
}
