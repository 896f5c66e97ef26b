package com.nija.shared.brokers;

import static com.nija.shared.testing.Refusals.acceptedOrRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the body of {@code PUT /api/v1/brokers/{venue}} (the input's first byte picks the venue): it is read into
 * the venue's credentials or refused with a problem type — never another exception, which would answer 500. A
 * refusal never quotes a value the caller sent (it may be a secret), and accepted credentials hold exactly the
 * venue's fields.
 */
class BrokerKeyParserFuzzTest {

    @FuzzTest
    void body(byte[] input) {
        if (input.length == 0) return;
        Venue venue = Venue.values()[Math.floorMod(input[0], Venue.values().length)];
        String raw = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        JsonNode json = Json.readTree(raw).orElse(null); // unreadable JSON is refused before the parser (400)

        VenueCredentials key = acceptedOrRefused(() -> BrokerKeyParser.parse(venue, json));

        if (key != null) {
            assertThat(key.fields().keySet()).containsExactlyInAnyOrderElementsOf(venue.credentialFields());
            assertThat(key.toString()).doesNotContain(key.fields().get(venue.credentialFields().get(1)));
        } else if (json != null && json.isObject()) {
            String refusal = refusal(venue, (ObjectNode) json);
            for (Map.Entry<String, JsonNode> field : fields((ObjectNode) json)) {
                if (!field.getValue().isTextual() || field.getValue().textValue().length() < 4) continue;
                String value = field.getValue().textValue();
                if (!refusal.contains(value)) continue;
                // The value may be words of a rule itself ("KEY-----"): it is echoed only if it is gone from the
                // refusal of the same body with that value replaced (by characters no field accepts, so the body
                // stays refused).
                ObjectNode other = ((ObjectNode) json).deepCopy();
                other.put(field.getKey(), "\u0001".repeat(value.length()));
                assertThat(refusal(venue, other)).as("refusal quoting the value of %s", field.getKey()).contains(value);
            }
        }
    }

    private static String refusal(Venue venue, ObjectNode body) {
        InvalidInputException refused = catchThrowableOfType(() -> BrokerKeyParser.parse(venue, body),
                InvalidInputException.class);
        return refused == null ? "" : refused.getMessage() + refused.violations();
    }

    private static List<Map.Entry<String, JsonNode>> fields(ObjectNode json) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        json.fields().forEachRemaining(out::add);
        return out;
    }
}
