package com.nija.functions.docs;

import io.micronaut.context.ApplicationContext;

/**
 * {@code GET /api/v1/openapi.json} — no auth. The API contract ({@code docs/api/openapi.yaml}, packaged in the jar)
 * as JSON, for client generators and the reference page; cached and conditional as {@link ApiDocumentHandler} says.
 * 200 or 304.
 */
public class GetOpenApiHandler extends ApiDocumentHandler {
    public static final String RESOURCE = "/api/openapi.yaml";

    public GetOpenApiHandler() {}

    public GetOpenApiHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String resource() {
        return RESOURCE;
    }
}
