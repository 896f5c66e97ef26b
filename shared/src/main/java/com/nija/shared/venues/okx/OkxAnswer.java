package com.nija.shared.venues.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.nija.shared.venues.VenueResponse;

/**
 * One OKX answer: the HTTP response and its envelope {@code {"code", "msg", "data": [...]}}. An order operation that
 * fails answers {@code code "1"} with the order's own {@code sCode}/{@code sMsg} in {@code data[0]}; anything else puts
 * its code in the envelope. A body that is not OKX's JSON (a gateway's HTML page) has an empty code.
 */
record OkxAnswer(VenueResponse response, String code, String msg, JsonNode data) {

    static OkxAnswer of(VenueResponse response) {
        JsonNode body = response.json();
        JsonNode data = body.path("data");
        return new OkxAnswer(response, text(body.path("code")), text(body.path("msg")),
                data.isArray() ? data : JsonNodeFactory.instance.arrayNode());
    }

    /** {@code data[0]}, or a missing node when there is none. */
    JsonNode first() {
        return data.path(0);
    }

    /** 2xx, code 0, and (for an order operation) the order's sCode 0. */
    boolean succeeded() {
        String sCode = text(first().path("sCode"));
        return response.ok() && "0".equals(code) && (sCode.isEmpty() || "0".equals(sCode));
    }

    /** The code that says what happened: the order's sCode when it failed, else the envelope's code. */
    String outcome() {
        String sCode = text(first().path("sCode"));
        return sCode.isEmpty() || "0".equals(sCode) ? code : sCode;
    }

    /** OKX's words for {@link #outcome()}. */
    String reason() {
        String sCode = text(first().path("sCode"));
        return sCode.isEmpty() || "0".equals(sCode) ? msg : text(first().path("sMsg"));
    }

    static String text(JsonNode node) {
        if (node.isTextual()) return node.textValue();
        if (node.isIntegralNumber()) return node.asText();
        return "";
    }
}
