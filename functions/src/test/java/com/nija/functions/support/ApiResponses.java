package com.nija.functions.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading handler responses the way a client would: status, headers, JSON body, problem details. */
public final class ApiResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiResponses() {}

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return MAPPER.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError("response body is not JSON: " + response.getBody(), e);
        }
    }

    /** A response header by case-insensitive name, or null. */
    public static String header(APIGatewayV2HTTPResponse response, String name) {
        Map<String, String> headers = response.getHeaders();
        if (headers == null) return null;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** Asserts a 200 with a JSON body and returns the body. */
    public static JsonNode ok(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json");
        return json(response);
    }

    /** Asserts an RFC 9457 problem with the given status and type slug; returns its body. */
    public static JsonNode problem(APIGatewayV2HTTPResponse response, int status, String typeSlug) {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.path("type").asText()).isEqualTo("https://nija.dev/problems/" + typeSlug);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        return body;
    }

    /** Text of each element's {@code field}, in order. */
    public static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    /** True when the field is absent or JSON null: a client sees "no value". */
    public static boolean noValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull();
    }
}
