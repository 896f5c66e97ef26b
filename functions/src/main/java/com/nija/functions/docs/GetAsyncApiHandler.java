package com.nija.functions.docs;

import io.micronaut.context.ApplicationContext;

/**
 * {@code GET /api/v1/asyncapi.json} — no auth. The live-updates contract ({@code docs/api/asyncapi.yaml}, packaged in
 * the jar) as JSON, for WebSocket client generators; cached and conditional as {@link ApiDocumentHandler} says.
 * 200 or 304.
 */
public class GetAsyncApiHandler extends ApiDocumentHandler {
    public static final String RESOURCE = "/api/asyncapi.yaml";

    public GetAsyncApiHandler() {}

    public GetAsyncApiHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String resource() {
        return RESOURCE;
    }
}
