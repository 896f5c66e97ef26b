package com.nija.shared.venues.kraken;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request's form-encoded fields in the order they were added ({@code application/x-www-form-urlencoded}, as
 * Kraken's REST API takes them). The signature covers the body byte for byte, so it is written once and sent as is.
 */
final class KrakenForm {
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    static KrakenForm empty() {
        return new KrakenForm();
    }

    static KrakenForm of(String name, String value) {
        return new KrakenForm().and(name, value);
    }

    KrakenForm and(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    /** These fields after {@code nonce}, which Kraken reads from the body and the signature hashes first. */
    String withNonce(long nonce) {
        StringBuilder body = new StringBuilder("nonce=").append(nonce);
        for (Map.Entry<String, String> f : fields) body.append('&').append(encode(f.getKey())).append('=')
                .append(encode(f.getValue()));
        return body.toString();
    }

    /** The fields alone, for a public GET's query string. */
    String query() {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> f : fields) {
            if (query.length() > 0) query.append('&');
            query.append(encode(f.getKey())).append('=').append(encode(f.getValue()));
        }
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
