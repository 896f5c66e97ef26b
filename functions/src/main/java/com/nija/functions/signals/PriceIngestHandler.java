package com.nija.functions.signals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.prices.PriceIngestService;
import com.nija.shared.prices.PriceUpdate;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.signals.SignalAuthenticator;
import com.nija.shared.trading.Symbols;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /internal/prices} — a price feed (or the scheduled ingest) posts {@code {"prices":[{"symbol","price"}]}},
 * signed like signals by a source of kind PRICES. Updates latest prices, closes positions whose stop or target
 * was crossed and fills crossed limit orders. 200 with counts; 400 malformed; 401 unknown or bad signature.
 */
public class PriceIngestHandler extends ApiHandler {
    @Inject PriceIngestService ingest;
    @Inject SignalAuthenticator auth;
    @Inject Clock clock;

    public PriceIngestHandler() {}

    public PriceIngestHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        auth.authenticate(request.header("x-nija-source"), request.header("x-nija-signature"), Optional.empty(),
                Optional.empty(), request.rawBody(), "PRICES", clock.instant());
        JsonNode body = request.body(JsonNode.class);
        List<PriceUpdate> updates = new ArrayList<>();
        JsonNode list = body.has("prices") ? body.get("prices") : body;
        for (JsonNode p : list.isArray() ? list : List.of(list)) updates.add(update(p));
        if (updates.isEmpty()) throw InvalidInputException.of("prices", "send at least one price");
        return Responses.ok(ingest.ingest(updates));
    }

    private PriceUpdate update(JsonNode p) {
        String symbol = Symbols.normalize(p.path("symbol").asText(null)).orElseThrow(() ->
                InvalidInputException.of("symbol", "each price needs a market symbol like BTC-USD"));
        BigDecimal price;
        try {
            price = new BigDecimal(p.path("price").asText(""));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("price", "must be a positive number for " + symbol);
        }
        if (price.signum() <= 0) throw InvalidInputException.of("price", "must be a positive number for " + symbol);
        Instant at = p.hasNonNull("timestamp") ? Instant.parse(p.get("timestamp").asText()) : clock.instant();
        return new PriceUpdate(symbol, price, at);
    }

    /** Priming: an unsigned request is refused (401) before anything is written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"prices\":[{\"symbol\":\"BTC-USD\",\"price\":\"1\"}]}");
        return event;
    }
}
