package com.nija.functions.docs;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.priming.Priming;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/**
 * What the routes serving an API document share: no auth; the packaged document as JSON, converted once per process
 * and answered with a strong {@code ETag} so clients and CDNs can cache it; {@code If-None-Match} with that tag
 * answers 304. 200; 500 only if the packaged document were unreadable, which its handler test rules out at build
 * time.
 */
abstract class ApiDocumentHandler extends ApiHandler {
    protected ApiDocumentHandler() {}

    protected ApiDocumentHandler(ApplicationContext context) {
        super(context);
    }

    /** The document's path in the jar, e.g. {@code /api/openapi.yaml}. */
    protected abstract String resource();

    @Override
    protected final APIGatewayV2HTTPResponse handle(ApiRequest request) {
        ApiDocument document = ApiDocument.packaged(resource());
        Map<String, String> headers = new HashMap<>();
        headers.put("ETag", document.etag());
        // Public and the same for everyone: a shared cache may keep it, briefly, so a deploy shows within minutes.
        headers.put("Cache-Control", "public, max-age=300");
        if (request.header("if-none-match").filter(document.etag()::equals).isPresent()) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(304).withHeaders(headers)
                    .withIsBase64Encoded(false).build();
        }
        headers.put("Content-Type", "application/json");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(document.json())
                .withIsBase64Encoded(false).build();
    }

    /** Priming converts the document before the snapshot, so a restored function answers from memory. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return Priming.getEvent(Priming.USER);
    }
}
