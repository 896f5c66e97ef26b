package com.nija.shared.venues.okx;

import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.StringJoiner;

/**
 * OKX requests as docs-v5 "Overview › REST Authentication" asks: JSON, the four {@code OK-ACCESS-*} headers signed
 * over exactly the path, query and body that are sent, and {@code x-simulated-trading: 1} on every request of a demo
 * trading key (and only then: "Demo Trading Services"). Private calls go to the key's base URL, public ones to the
 * live one.
 */
final class OkxRequests {
    static final String DEMO_HEADER = "x-simulated-trading";

    private final VenueHttp http;
    private final Map<String, String> env;
    private final Clock clock;

    OkxRequests(VenueHttp http, Map<String, String> env, Clock clock) {
        this.http = http;
        this.env = env;
        this.clock = clock;
    }

    /** A signed GET of {@code path} with the query {@code nameValues} (name, value, name, value …) in that order. */
    OkxAnswer get(VenueCredentials key, String path, String... nameValues) {
        return send(signed(key, "GET", path + query(nameValues), ""));
    }

    OkxAnswer post(VenueCredentials key, String path, String body) {
        return send(signed(key, "POST", path, body));
    }

    /** An unsigned market-data call (no key, no demo header). */
    OkxAnswer getPublic(String path, String... nameValues) {
        return send(HttpRequest.newBuilder(URI.create(Venue.OKX.baseUrl(false, env) + path + query(nameValues)))
                .header("Accept", "application/json").GET());
    }

    private HttpRequest.Builder signed(VenueCredentials key, String method, String pathAndQuery, String body) {
        if (key.venue() != Venue.OKX) throw new IllegalArgumentException("not an OKX key: " + key);
        String timestamp = OkxSigner.timestamp(clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(key.venue().baseUrl(key.sandbox(), env)
                        + pathAndQuery))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("OK-ACCESS-KEY", key.field("apiKey"))
                .header("OK-ACCESS-SIGN", OkxSigner.sign(key.field("apiSecret"), timestamp, method, pathAndQuery, body))
                .header("OK-ACCESS-TIMESTAMP", timestamp)
                .header("OK-ACCESS-PASSPHRASE", key.field("passphrase"))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key.sandbox()) request.header(DEMO_HEADER, "1");
        return request;
    }

    private OkxAnswer send(HttpRequest.Builder request) {
        return OkxAnswer.of(http.send(request));
    }

    /** {@code ?a=1&b=2} in the given order, values URL-encoded (OKX's ids and symbols need none, but a symbol is input). */
    static String query(String... nameValues) {
        if (nameValues.length % 2 != 0) throw new IllegalArgumentException("query names and values come in pairs");
        if (nameValues.length == 0) return "";
        StringJoiner query = new StringJoiner("&", "?", "");
        for (int i = 0; i < nameValues.length; i += 2) {
            query.add(nameValues[i] + "=" + URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
