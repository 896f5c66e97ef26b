package com.nija.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** One HTTP answer, with the request it answers kept for failure messages. */
public record ApiResponse(String request, int status, HttpHeaders headers, String body) {
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_TYPE_BASE = "https://nija.dev/problems/";

    public JsonNode json() {
        return Api.parse(body);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** Asserts the status, with the request and body in the message when it differs; returns this. */
    public ApiResponse expect(int expected) {
        assertThat(status).as("%s answered %s", request, body).isEqualTo(expected);
        return this;
    }

    /** 200 with a JSON body; returns the body. */
    public JsonNode ok() {
        expect(200);
        assertThat(contentType()).as("content type of %s", request).startsWith("application/json");
        return json();
    }

    /**
     * An RFC 9457 problem: the status, {@code application/problem+json}, a stable {@code type} under
     * {@value #PROBLEM_TYPE_BASE} and the same {@code status} in the body. Returns the body.
     */
    public JsonNode problem(int expected) {
        expect(expected);
        assertThat(contentType()).as("content type of %s (%s)", request, body).startsWith(PROBLEM_JSON);
        JsonNode problem = json();
        assertThat(problem.path("type").asText()).as("problem type of %s", request).startsWith(PROBLEM_TYPE_BASE);
        assertThat(problem.path("title").asText()).as("problem title of %s", request).isNotBlank();
        assertThat(problem.path("status").asInt()).as("problem status of %s", request).isEqualTo(expected);
        return problem;
    }
}
