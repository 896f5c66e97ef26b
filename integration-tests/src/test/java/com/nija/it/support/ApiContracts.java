package com.nija.it.support;

import com.nija.shared.testing.ApiContract;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the integration tests' HTTP exchanges to the API contract ({@code docs/api/openapi.yaml}). Only the API's own
 * paths: the gateway also serves the dashboard and the problem pages, which the document does not describe.
 */
final class ApiContracts {
    private static final List<String> API_PATHS = List.of("/api/", "/health", "/webhooks/", "/internal/");

    private ApiContracts() {}

    static void check(String method, String pathAndQuery, Map<String, String> headers, String body,
                      HttpResponse<String> response) {
        URI uri = URI.create(pathAndQuery);
        String path = uri.getRawPath();
        if (API_PATHS.stream().noneMatch(path::startsWith)) return;
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> responseHeaders.put(name, values.get(0)));
        ApiContract.openApi().check(new ApiContract.Exchange(method, path, query(uri.getRawQuery()), headers, body,
                response.statusCode(), responseHeaders, response.body()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return query;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
