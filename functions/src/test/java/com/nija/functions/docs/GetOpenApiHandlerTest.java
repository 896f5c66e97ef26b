package com.nija.functions.docs;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GetOpenApiHandlerTest {
    private final GetOpenApiHandler handler = new GetOpenApiHandler(LocalBackends.get().context());

    @Test
    @DisplayName("GET /api/v1/openapi.json answers the 3.1 document as JSON, without a token, with every route in it")
    void servesTheDocument() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.http("api/get-openapi.json"), null);

        JsonNode document = ok(response);
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        RouteTable.ROUTES.forEach(route -> assertThat(document.path("paths").path(route.path())
                .has(route.method().toLowerCase(Locale.ROOT))).as(route.routeKey()).isTrue());
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=300");
    }

    @Test
    @DisplayName("a client holding the current ETag gets 304 and no body; any other tag gets the document")
    void conditionalGet() {
        String etag = header(handler.handleRequest(Events.http("api/get-openapi.json"), null), "ETag");

        APIGatewayV2HTTPResponse unchanged = handler.handleRequest(
                Events.withHeader(Events.http("api/get-openapi.json"), "If-None-Match", etag), null);
        APIGatewayV2HTTPResponse stale = handler.handleRequest(
                Events.withHeader(Events.http("api/get-openapi.json"), "If-None-Match", "\"0123\""), null);

        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(unchanged.getStatusCode()).isEqualTo(304);
        assertThat(unchanged.getBody()).isNull();
        assertThat(header(unchanged, "ETag")).isEqualTo(etag);
        assertThat(stale.getStatusCode()).isEqualTo(200);
    }
}
