package com.nija.shared.venues.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One Kraken answer: the envelope {@code {"error":[…],"result":…}} ("Responses are JSON encoded and contain one or
 * two top-level keys", docs.kraken.com REST API) with its HTTP status. {@link #result} gives the result or the
 * exception the answer means; {@link #failedWith} lets a caller handle an error it expects (a duplicate, an unknown
 * order) before that.
 */
final class KrakenAnswer {
    private final VenueResponse response;
    private final JsonNode body;
    private final List<String> errors;

    private KrakenAnswer(VenueResponse response) {
        this.response = response;
        this.body = response.json();
        this.errors = KrakenErrors.errorsOnly(entries(body.path("error")));
    }

    static KrakenAnswer of(VenueResponse response) {
        return new KrakenAnswer(response);
    }

    boolean failedWith(Predicate<String> error) {
        return errors.stream().anyMatch(error);
    }

    List<String> errors() {
        return errors;
    }

    /** The result object; a 429 is a rate limit, Kraken's errors mean what {@link KrakenErrors} says. */
    JsonNode result(Clock clock) {
        if (response.status() == 429) {
            throw new VenueRateLimitedException("Kraken: too many requests (HTTP 429)",
                    VenueHttp.retryAfter(response, KrakenErrors.RATE_LIMIT_WAIT));
        }
        if (!errors.isEmpty()) throw KrakenErrors.toException(errors, clock);
        if (!response.ok()) {
            throw new BrokerException(BrokerException.Kind.UNKNOWN, "Kraken answered HTTP " + response.status());
        }
        JsonNode result = body.path("result");
        if (!result.isObject() && !result.isArray()) throw KrakenNumbers.malformed("no result");
        return result;
    }

    /** Kraken sends a list of strings; a lone string has been seen too. */
    private static List<String> entries(JsonNode error) {
        List<String> entries = new ArrayList<>();
        if (error.isTextual()) entries.add(error.asText());
        if (error.isArray()) error.forEach(e -> {
            if (e.isTextual()) entries.add(e.asText());
        });
        return entries;
    }
}
