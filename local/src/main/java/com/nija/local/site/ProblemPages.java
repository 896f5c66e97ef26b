package com.nija.local.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The page each problem {@code type} URI names (RFC 9457 §3.1.1): what the problem means and what to do, from the
 * API contract's {@code x-problem-types} (the {@code api/openapi.yaml} the functions jar packages), so the pages and
 * the document never disagree. Plain HTML with no script or style: the site's CSP holds unchanged.
 */
final class ProblemPages {
    static final String PREFIX = "/problems/";
    private static final String DOCUMENT = "/api/openapi.yaml";

    private final JsonNode catalogue;

    private ProblemPages(JsonNode catalogue) {
        this.catalogue = catalogue;
    }

    static ProblemPages fromClasspath() {
        try (InputStream in = ProblemPages.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) throw new IllegalStateException(DOCUMENT + " is not on the classpath (nija-functions)");
            return new ProblemPages(new YAMLMapper().readTree(in).path("x-problem-types"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT, e);
        }
    }

    /** The page for {@code /problems/<slug>}; empty for a slug the catalogue does not hold. */
    Optional<String> page(String rawPath) {
        String slug = rawPath.substring(PREFIX.length());
        JsonNode problem = slug.matches("[a-z-]{1,60}") ? catalogue.get(slug) : null;
        if (problem == null) return Optional.empty();
        return Optional.of("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(slug)
                + " — NIJA API problem</title></head><body><main>\n<h1>" + escape(slug) + "</h1>\n<p>HTTP status "
                + problem.path("status").asInt() + "</p>\n<h2>What it means</h2>\n<p>"
                + escape(problem.path("means").asText()) + "</p>\n<h2>What to do</h2>\n<p>"
                + escape(problem.path("do").asText()) + "</p>\n<p><a href=\"/api/v1/openapi.json\">The API contract"
                + "</a></p>\n</main></body></html>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
