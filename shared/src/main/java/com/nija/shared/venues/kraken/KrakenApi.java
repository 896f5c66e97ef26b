package com.nija.shared.venues.kraken;

import com.nija.shared.venues.NonceSource;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Kraken's REST transport. A private call is a form-encoded POST to {@code /0/private/<Method>} whose body starts
 * with a nonce that rises per key across every function using the key ({@link NonceSource}), signed with
 * {@code API-Key} and {@code API-Sign} ({@link KrakenSigner}); a public call is a GET. Kraken asks every request to
 * carry a {@code User-Agent} (docs.kraken.com REST API introduction).
 */
final class KrakenApi {
    static final String USER_AGENT = "nija-trading";

    private final VenueHttp http;
    private final Map<String, String> env;
    private final NonceSource nonces;

    KrakenApi(VenueHttp http, Map<String, String> env, NonceSource nonces) {
        this.http = http;
        this.env = Map.copyOf(env);
        this.nonces = nonces;
    }

    KrakenAnswer post(VenueCredentials key, String method, KrakenForm fields) {
        if (key.venue() != Venue.KRAKEN) throw new IllegalArgumentException("not a Kraken key: " + key);
        String path = "/0/private/" + method;
        long nonce = nonces.next(key.keyId());
        String body = fields.withNonce(nonce);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(key.venue().baseUrl(key.sandbox(), env) + path))
                .header("API-Key", key.field("apiKey"))
                .header("API-Sign", KrakenSigner.sign(path, nonce, body, key.field("apiSecret")))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return KrakenAnswer.of(http.send(request));
    }

    KrakenAnswer get(String method, KrakenForm query) {
        URI uri = URI.create(Venue.KRAKEN.baseUrl(false, env) + "/0/public/" + method + "?" + query.query());
        return KrakenAnswer.of(http.send(HttpRequest.newBuilder(uri).header("User-Agent", USER_AGENT).GET()));
    }
}
