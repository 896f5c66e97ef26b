package com.nija.functions.brokers;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.audit.GetAuditHandler;
import com.nija.functions.support.BrokerKeys;
import com.nija.functions.support.Events;
import com.nija.shared.venues.Venue;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Connecting, testing and removing a broker key are in the trader's audit trail, and no secret is. */
class BrokerAuditTest {
    private final BrokerRoutes routes = BrokerRoutes.get();

    /** A request of its own (API Gateway gives each one an id), a second after the last on the routes' clock. */
    private APIGatewayV2HTTPEvent next(APIGatewayV2HTTPEvent event) {
        routes.clock.advance(Duration.ofSeconds(1));
        event.getRequestContext().setRequestId(UUID.randomUUID().toString());
        return event;
    }

    @Test
    @DisplayName("connect, test and delete of a Kraken key are recorded newest first with what changed; neither the "
            + "key's secret nor its hint is in the trail")
    void brokerChangesWithoutSecrets() {
        String user = "t-" + UUID.randomUUID();
        BrokerKeys.Key key = BrokerKeys.fresh(Venue.KRAKEN);

        BrokerRoutes.require(routes.put.handleRequest(next(Events.withBody(
                BrokerRoutes.onVenue("api/connect-broker.json", user, "kraken"), key.body())), null), 200);
        BrokerRoutes.require(routes.test.handleRequest(next(
                BrokerRoutes.onVenue("api/test-broker.json", user, "kraken")), null), 200);
        BrokerRoutes.require(routes.delete.handleRequest(next(
                BrokerRoutes.onVenue("api/disconnect-broker.json", user, "kraken")), null), 204);
        JsonNode trail = ok(new GetAuditHandler(routes.context).handleRequest(
                Events.withQuery(Events.http("api/get-audit.json", user), Map.of()), null));

        JsonNode items = trail.path("items");
        assertThat(texts(items, "action")).containsExactly("DELETE /api/v1/brokers/{venue}",
                "POST /api/v1/brokers/{venue}/test", "PUT /api/v1/brokers/{venue}");
        assertThat(items.get(2).path("after").path("broker.kraken").asText()).startsWith("connected ");
        assertThat(items.get(1).path("after").path("broker.kraken").asText()).contains("tested ok");
        assertThat(items.get(0).path("before").path("broker.kraken").asText()).isNotBlank();
        assertThat(items.get(0).path("after").has("broker.kraken")).isFalse();
        String all = trail.toString();
        for (String secret : key.secrets()) assertThat(all).doesNotContain(secret);
        assertThat(all).doesNotContain(key.hint()).doesNotContain(key.keyId());
    }
}
