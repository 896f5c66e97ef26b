package com.nija.functions.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.billing.StripeWebhookService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /webhooks/stripe} — no JWT: Stripe signs the raw body ({@code Stripe-Signature}). 200 once the event is
 * recorded and applied (or was already: {@code duplicate: true} with the applying delivery's outcome; types billing
 * doesn't handle are recorded and ignored); 400 problem+json for a missing, wrong or stale signature (nothing
 * written) or a body that is not a Stripe event; 409 while another delivery of the same event is applying it (Stripe
 * retries later); 503 when no signing secret is configured (a server fault: the 5xx alarm fires, Stripe retries).
 */
public class StripeWebhookHandler extends ApiHandler {
    @Inject StripeWebhookService webhooks;

    public StripeWebhookHandler() {}

    public StripeWebhookHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        StripeWebhookService.Receipt receipt = webhooks.receive(request.rawBody(), request.header("stripe-signature"));
        return Responses.ok(new Answer(true, receipt.eventId(), receipt.type(), receipt.duplicate(), receipt.outcome()));
    }

    record Answer(boolean received, String eventId, String type, boolean duplicate, String outcome) {}

    /** Priming: an unsigned event is refused (400) before anything is read or written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"id\":\"evt_priming\",\"object\":\"event\",\"type\":\"invoice.paid\",\"created\":0,"
                + "\"data\":{\"object\":{\"id\":\"in_priming\"}}}");
        return event;
    }
}
