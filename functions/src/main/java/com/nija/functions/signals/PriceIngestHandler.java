package com.nija.functions.signals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.prices.PriceIngestService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /internal/prices} — a price feed (or the scheduled ingest) posts {@code {"prices":[{"symbol","price"}]}},
 * signed like signals by a source of kind PRICES. Updates latest prices, closes positions whose stop or target
 * was crossed and fills crossed limit orders. 200 with counts; 400 malformed; 401 unknown or bad signature; 422 a price
 * that breaks the number grammar, or more than 1,000 prices in one request.
 */
public class PriceIngestHandler extends ApiHandler implements EngineWrite {
    @Inject PriceIngestService ingest;

    public PriceIngestHandler() {}

    public PriceIngestHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(ingest.accept(request.rawBody(), request.header("x-nija-source"),
                request.header("x-nija-signature")));
    }

    /** Priming: an unsigned request is refused (401) before anything is written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"prices\":[{\"symbol\":\"BTC-USD\",\"price\":\"1\"}]}");
        return event;
    }
}
