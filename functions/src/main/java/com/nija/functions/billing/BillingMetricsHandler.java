package com.nija.functions.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.billing.BillingMetricsService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/billing/metrics?month=YYYY-MM} — finance or admin group. MRR, ARR, subscribers by tier
 * and status, new, churned (count and rate), ARPU and failed payments for the month (default: this month), from
 * stored state. 200; 400 month not YYYY-MM; 422 a future month; 403 not finance/admin.
 */
public class BillingMetricsHandler extends ApiHandler {
    @Inject BillingMetricsService metrics;

    public BillingMetricsHandler() {}

    public BillingMetricsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        FinanceAccess.require(request);
        return Responses.ok(metrics.metrics(request.query("month").orElse(null)));
    }

    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return FinanceAccess.primingEvent(Map.of());
    }
}
