package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.it.support.Api;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two answers a smoke check of a fresh deployment relies on. */
@PlatformTest
@DisplayName("Smoke check")
class SmokeContractIT {
    private final ApiTarget target;
    private final Api api;

    SmokeContractIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    @Test
    @DisplayName("the health check answers 200 and names the state of DynamoDB and Redis")
    void health() {
        var body = api.get("/health", null).ok();

        assertThat(body.path("status").asText()).isIn("ok", "degraded");
        assertThat(body.path("checks").path("dynamodb").asText()).isEqualTo("up");
        assertThat(body.path("checks").has("redis")).isTrue();
    }

    @Test
    @DisplayName("asking for a page of zero trades answers with application/problem+json")
    void problemContentType() {
        ApiResponse response = api.get("/api/v1/trades?limit=0", target.traderToken());

        assertThat(response.contentType()).startsWith(ApiResponse.PROBLEM_JSON);
        response.problem(400);
    }
}
