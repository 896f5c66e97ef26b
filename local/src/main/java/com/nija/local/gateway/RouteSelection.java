package com.nija.local.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * API Gateway's route selection expression {@code $request.body.action}: the top-level {@code action} of a JSON
 * object message, as text (a number or boolean as its JSON text); null when the message is not a JSON object or has
 * none. Streams the message and stops at the field, so a large message costs little.
 */
final class RouteSelection {
    private static final JsonFactory JSON = new JsonFactory();

    private RouteSelection() {
    }

    static String action(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("action".equals(name)) {
                    return value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
