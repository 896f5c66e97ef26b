package com.nija.functions.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.billing.CheckoutRequest;
import com.nija.shared.billing.SelfServiceBilling;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /api/v1/billing/checkout} {@code {"plan":"pro","interval":"year"}} (optional {@code Idempotency-Key}) —
 * 200 {@code {"url"}} of a Stripe Checkout Session for the caller; the same key (or a retry of the same request)
 * gives the same session. 400 unknown plan or interval, or a malformed key; 409 {@code plan-conflict} (the free plan,
 * one not sold for the interval, or a subscription already held: change it in the portal); 503
 * {@code billing-not-configured} or {@code billing-unavailable}. Audited as the trader's action.
 */
public class CreateCheckoutHandler extends ApiHandler {
    @Inject SelfServiceBilling billing;

    public CreateCheckoutHandler() {}

    public CreateCheckoutHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(billing.checkout(request.userId(), request.body(CheckoutRequest.class),
                request.header("idempotency-key").orElse(null), request.requestId()));
    }

    /** Priming asks for a plan that does not exist: parsing and validation run, nothing is read, Stripe is not called. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"plan\":\"priming\",\"interval\":\"month\"}");
        return event;
    }
}
