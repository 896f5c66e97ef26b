package com.nija.shared.venues.binance;

import com.nija.shared.venues.VenueCredentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Binance REST requests as the Spot API documents them ("General Information on Endpoints", "Request Security"):
 * GET and DELETE carry their parameters in the query string, POST in an {@code application/x-www-form-urlencoded}
 * body; a SIGNED request adds {@code recvWindow} and {@code timestamp} (ms), then {@code signature} over exactly
 * what is sent, and names its key in {@code X-MBX-APIKEY}.
 */
final class BinanceRequests {
    /** How long after {@code timestamp} Binance may still process the request (its documented default, ms). */
    static final int RECV_WINDOW_MS = 5000;
    static final String API_KEY_HEADER = "X-MBX-APIKEY";

    private BinanceRequests() {}

    static HttpRequest.Builder signed(VenueCredentials key, URI base, String method, String path,
                                      Map<String, String> params, long timestamp) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("recvWindow", Integer.toString(RECV_WINDOW_MS));
        all.put("timestamp", Long.toString(timestamp));
        String encoded = form(all);
        boolean inBody = "POST".equals(method);
        String signature = BinanceSigner.sign(key.field("apiSecret"), inBody ? "" : encoded, inBody ? encoded : "");
        String signedParams = encoded + "&signature=" + signature;
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header(API_KEY_HEADER, key.field("apiKey"));
        if (inBody) {
            return request.uri(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(signedParams));
        }
        return request.uri(URI.create(base + path + "?" + signedParams)).method(method, HttpRequest.BodyPublishers.noBody());
    }

    static HttpRequest.Builder publicGet(URI base, String path, Map<String, String> params) {
        String query = form(params);
        return HttpRequest.newBuilder().uri(URI.create(base + path + (query.isEmpty() ? "" : "?" + query))).GET();
    }

    static String form(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&");
        params.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        return joined.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
