package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the gateway answers before any function runs: unknown routes, wrong methods, oversized bodies. */
@PlatformTest
@DisplayName("Requests the API does not serve")
class GatewayRoutingIT {
    /** API Gateway's payload limit. */
    private static final int TEN_MB = 10 * 1024 * 1024;

    private final ApiTarget target;
    private final Api api;

    GatewayRoutingIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    @Test
    @DisplayName("an unknown path answers 404 with a problem body")
    void unknownRoute() {
        var problem = api.get("/api/v1/no-such-thing", target.traderToken()).problem(404);

        assertThat(problem.path("type").asText()).endsWith("/not-found");
    }

    @Test
    @DisplayName("a known path with the wrong method answers 405 and says which methods are allowed")
    void wrongMethod() {
        var response = api.send("DELETE", "/api/v1/positions", target.traderToken(), Map.of(), null);

        response.problem(405);
        assertThat(response.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    @DisplayName("a body over 10 MB answers 413 and the settings stay as they were")
    void bodyOverTenMegabytes() {
        String before = api.get("/api/v1/settings", target.traderToken()).ok().toString();
        byte[] body = new byte[TEN_MB + 1];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        var response = api.send("PUT", "/api/v1/settings", target.traderToken(),
                Map.of("Content-Type", "application/json", "If-Match", "\"1\""), new String(body, StandardCharsets.US_ASCII));

        var problem = response.problem(413);
        assertThat(problem.path("type").asText()).endsWith("/payload-too-large");
        assertThat(api.get("/api/v1/settings", target.traderToken()).ok().toString()).isEqualTo(before);
    }

    @Test
    @DisplayName("a body of exactly 10 MB is let through to the function, which refuses it by its own 256 KB limit")
    void bodyOfExactlyTenMegabytes() {
        target.platform("the 10 MB boundary, which is the local gateway's (a deployed Lambda takes at most 6 MB)");
        byte[] body = new byte[TEN_MB];
        Arrays.fill(body, (byte) 'x');

        var response = api.send("PUT", "/api/v1/settings", target.traderToken(),
                Map.of("Content-Type", "application/json", "If-Match", "\"1\""), new String(body, StandardCharsets.US_ASCII));

        var problem = response.problem(413);
        assertThat(problem.path("detail").asText()).as("the function's refusal, not the gateway's").contains("256 KB")
                .doesNotContain("API Gateway");
    }
}
