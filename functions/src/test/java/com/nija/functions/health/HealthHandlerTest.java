package com.nija.functions.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthHandlerTest {
    private final HealthHandler handler = new HealthHandler(LocalBackends.get().context());

    @Test
    @DisplayName("health answers 200 and names DynamoDB and Redis as up")
    void healthy() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.http("api/health.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"dynamodb\":\"up\"").contains("\"redis\":\"up\"");
    }
}
