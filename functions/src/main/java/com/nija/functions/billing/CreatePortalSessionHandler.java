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
 * {@code POST /api/v1/billing/portal} (no body; optional {@code Idempotency-Key}) — 200 {@code {"url"}} of a Stripe
 * Customer Portal session where the caller upgrades, downgrades, cancels and reads invoices. 409
 * {@code no-billing-customer} before a first Checkout completed; 503 {@code billing-not-configured} or
 * {@code billing-unavailable}. Audited as the trader's action.
 */
public class CreatePortalSessionHandler extends ApiHandler {
    @Inject SelfServiceBilling billing;

    public CreatePortalSessionHandler() {}

    public CreatePortalSessionHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(billing.portal(request.userId(), request.header("idempotency-key").orElse(null),
                request.requestId()));
    }

    /** No priming: past its checks the route calls Stripe, which must not happen before the snapshot. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }
}
