package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.json.Json;
import java.util.HashMap;
import java.util.Map;

/** JSON responses in the HTTP API's shape. */
public final class Responses {
    private Responses() {}

    public static APIGatewayV2HTTPResponse ok(Object body) {
        return json(200, body, Map.of());
    }

    /** 204: done, nothing to say (a removal). */
    public static APIGatewayV2HTTPResponse noContent() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(headers).withIsBase64Encoded(false)
                .build();
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
        try {
            return text(status, "application/json", Json.MAPPER.writeValueAsString(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    /** A body already written, of {@code contentType} (an export). */
    public static APIGatewayV2HTTPResponse text(int status, String contentType, String body, Map<String, String> headers) {
        return attachment(status, contentType, body, false, headers);
    }

    /** A binary body (an archive), base64-encoded as API Gateway expects. */
    public static APIGatewayV2HTTPResponse binary(int status, String contentType, byte[] body,
                                                  Map<String, String> headers) {
        return attachment(status, contentType, java.util.Base64.getEncoder().encodeToString(body), true, headers);
    }

    private static APIGatewayV2HTTPResponse attachment(int status, String contentType, String body, boolean base64,
                                                       Map<String, String> headers) {
        Map<String, String> all = new HashMap<>();
        all.put("Content-Type", contentType);
        all.put("Cache-Control", "no-store"); // per-trader data: never in a shared cache
        all.putAll(headers);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }
}
