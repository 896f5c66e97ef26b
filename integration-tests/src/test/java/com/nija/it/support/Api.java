package com.nija.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

/** A trader's HTTP client for the target: real HTTP/1.1 over the loopback (or the internet), JSON in and out. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;

    public Api(ApiTarget target) {
        this(target.baseUrl());
    }

    /** A client for another base URL, e.g. a {@link DedicatedPlatform}. */
    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ApiResponse get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, token, Map.of(), null);
    }

    /** {@code PUT} of a JSON body, with {@code If-Match} when {@code ifMatch} is not null. */
    public ApiResponse putJson(String path, String token, Object body, String ifMatch) {
        String json;
        try {
            json = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable: " + body, e);
        }
        Map<String, String> headers = ifMatch == null
                ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "If-Match", ifMatch);
        return send("PUT", path, token, headers, json);
    }

    /**
     * One request; {@code body} null for none. Every API exchange is checked against the API contract
     * ({@link ApiContracts}): an answer that breaks its documented schema fails the test that asked.
     */
    public ApiResponse send(String method, String pathAndQuery, String token, Map<String, String> headers,
                            String body) {
        Map<String, String> sent = new java.util.LinkedHashMap<>(headers);
        sent.putIfAbsent("Accept", "application/json");
        if (token != null) sent.put("Authorization", "Bearer " + token);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        sent.forEach(request::header);
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofString());
            ApiContracts.check(method, pathAndQuery, sent, body, response);
            return new ApiResponse(method + " " + pathAndQuery, response.statusCode(), response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + pathAndQuery, e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
