package com.nija.functions.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.billing.SubscribersService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/billing/subscribers?status=…&limit=…&cursor=…} — finance or admin group. Subscriptions for
 * reconciliation, by Stripe status (all when absent), 1–100 a page (default 50), with a signed {@code nextCursor}.
 * 200; 400 unknown status, bad limit or a cursor not issued to this caller for this filter; 403 not finance/admin.
 */
public class BillingSubscribersHandler extends ApiHandler {
    @Inject SubscribersService subscribers;

    public BillingSubscribersHandler() {}

    public BillingSubscribersHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        FinanceAccess.require(request);
        int limit = request.queryInt("limit", 50, 1, SubscribersService.MAX_LIMIT);
        return Responses.ok(subscribers.page(request.userId(), request.query("status").orElse(null), limit,
                request.query("cursor").orElse(null)));
    }

    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return FinanceAccess.primingEvent(Map.of("limit", "1"));
    }
}
