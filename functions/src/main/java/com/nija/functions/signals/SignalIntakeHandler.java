package com.nija.functions.signals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.RateLimitHeaders;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.signals.SignalIntakeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /api/v1/signals} — no JWT: the sender signs ({@code X-Nija-Source}, {@code X-Nija-Signature}) or puts
 * {@code source}/{@code secret} in the body (TradingView). 202 accepted (queued for every subscribed trader);
 * 200 with the first answer for a repeat; 400 not JSON or malformed; 401 unknown sender or bad signature;
 * 422 a rule broken or the signal is older than its max lag; 429 the source sent more than its rate limit (nothing
 * recorded; {@code Retry-After} says when to send again). Accepted requests carry the source's
 * {@code X-RateLimit-*} headers.
 */
public class SignalIntakeHandler extends ApiHandler implements EngineWrite {
    @Inject SignalIntakeService intake;

    public SignalIntakeHandler() {}

    public SignalIntakeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        SignalIntakeService.Intake result = intake.accept(request.rawBody(), request.header("x-nija-source"),
                request.header("x-nija-signature"));
        return Responses.json(result.duplicate() ? 200 : 202, result.body(), RateLimitHeaders.of(result.quota()));
    }

    /** Priming: a signed-looking request from an unknown source is parsed and refused (401); nothing is written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"source\":\"snapstart-priming\",\"secret\":\"x\",\"symbol\":\"BTC-USD\",\"action\":\"buy\"}");
        return event;
    }
}
