package com.nija.functions.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.billing.SelfServiceBilling;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code GET /api/v1/billing/plans} — every tier with its limits, its monthly and yearly prices as Stripe charges them
 * (read from Stripe's Prices API, cached), and whether the caller's first Checkout grants the trial. 200; 503
 * {@code billing-not-configured} (no Stripe key on this server) or {@code billing-unavailable} (Stripe unreachable
 * and no prices read yet).
 */
public class GetBillingPlansHandler extends ApiHandler {
    @Inject SelfServiceBilling billing;

    public GetBillingPlansHandler() {}

    public GetBillingPlansHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(billing.plans(request.userId()));
    }

    /** No priming: the route's path calls Stripe, which must not happen before the snapshot. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }
}
