package com.nija.functions.signals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.RateLimitHeaders;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.prices.PriceIngestService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /internal/prices} — a price feed (or the scheduled ingest) posts {@code {"prices":[{"symbol","price"}]}},
 * signed like signals by a source of kind PRICES. Updates latest prices, closes positions whose stop or target
 * was crossed, scales out and moves the stops of positions with an exit plan, and fills crossed limit orders. 200 with
 * counts ({@code prices}, {@code stopsAndTargets}, {@code limitFills}, {@code scaleOuts}); 400 malformed; 401 unknown or bad signature; 422 a price
 * that breaks the number grammar, or more than 1,000 prices in one request; 429 the feed sent more than its rate limit
 * (no price read; {@code Retry-After} says when to send again). Accepted requests carry the feed's
 * {@code X-RateLimit-*} headers.
 */
public class PriceIngestHandler extends ApiHandler implements EngineWrite {
    @Inject PriceIngestService ingest;

    public PriceIngestHandler() {}

    public PriceIngestHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        PriceIngestService.Accepted accepted = ingest.accept(request.rawBody(), request.header("x-nija-source"),
                request.header("x-nija-signature"));
        return Responses.json(200, accepted.outcome(), RateLimitHeaders.of(accepted.quota()));
    }

    /** Priming: an unsigned request is refused (401) before anything is written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"prices\":[{\"symbol\":\"BTC-USD\",\"price\":\"1\"}]}");
        return event;
    }
}
