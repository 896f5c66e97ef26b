package com.nija.shared.brokers;

import static com.nija.shared.testing.Refusals.acceptedOrRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
            InvalidInputException refused = catchThrowableOfType(() -> BrokerKeyParser.parse(venue, json),
                    InvalidInputException.class);
            for (String value : textValues(json)) {
                // Short values may occur in the rules' own words ("true", "key"); a secret is never that short.
                if (value.length() >= 12) assertThat(refused.getMessage() + refused.violations()).doesNotContain(value);
            }
        }
    }

    private static List<String> textValues(JsonNode json) {
        List<String> out = new ArrayList<>();
        json.forEach(v -> {
            if (v.isTextual()) out.add(v.textValue());
        });
        return out;
    }
}
