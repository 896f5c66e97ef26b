package com.nija.functions.health;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.health.HealthService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /health} — no auth. Route 53 health checks and load balancers poll it.
 * 200 while the region can serve (DynamoDB answers; Redis down only degrades), 503 otherwise.
 */
public class HealthHandler extends ApiHandler {
    @Inject HealthService health;

    public HealthHandler() {}

    public HealthHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        HealthService.HealthReport report = health.check();
        return Responses.json(report.serving() ? 200 : 503, report, Map.of());
    }
}
