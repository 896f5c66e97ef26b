package com.nija.functions.docs;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.shared.live.LiveEvent;
import com.nija.shared.testing.AsyncApiContract;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GetAsyncApiHandlerTest {
    private final GetAsyncApiHandler handler = new GetAsyncApiHandler(LocalBackends.get().context());

    @Test
    @DisplayName("GET /api/v1/asyncapi.json answers the AsyncAPI 3.0 document as JSON, without a token, with every pushed event")
    void servesTheDocument() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.http("api/get-asyncapi.json"), null);

        JsonNode document = ok(response);
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document).isEqualTo(AsyncApiContract.asyncApi().document());
        Arrays.stream(LiveEvent.values()).forEach(event -> assertThat(document.path("components").path("messages")
                .has(event.wireName())).as(event.wireName()).isTrue());
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=300");
    }

    @Test
    @DisplayName("its ETag is its own: the OpenAPI document's tag does not match it, its own tag answers 304")
    void ownEntityTag() {
        String etag = header(handler.handleRequest(Events.http("api/get-asyncapi.json"), null), "ETag");
        String openApiTag = header(new GetOpenApiHandler(LocalBackends.get().context())
                .handleRequest(Events.http("api/get-openapi.json"), null), "ETag");

        APIGatewayV2HTTPResponse withOpenApiTag = handler.handleRequest(
                Events.withHeader(Events.http("api/get-asyncapi.json"), "If-None-Match", openApiTag), null);
        APIGatewayV2HTTPResponse unchanged = handler.handleRequest(
                Events.withHeader(Events.http("api/get-asyncapi.json"), "If-None-Match", etag), null);

        assertThat(etag).matches("\"[0-9a-f]{32}\"").isNotEqualTo(openApiTag);
        assertThat(withOpenApiTag.getStatusCode()).isEqualTo(200);
        assertThat(unchanged.getStatusCode()).isEqualTo(304);
    }
}
