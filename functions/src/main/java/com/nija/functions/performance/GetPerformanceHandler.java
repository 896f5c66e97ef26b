package com.nija.functions.performance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.performance.PerformancePeriod;
import com.nija.shared.performance.PerformanceService;
import com.nija.shared.problem.InvalidInputException;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code GET /api/v1/performance?period=1d|7d|30d|90d|1y|all} (default 30d) — P&L, win rate, profit factor,
 * expectancy, drawdown, Sharpe/Sortino and the equity curve, from roll-ups. 200; 400 for an unknown period.
 */
public class GetPerformanceHandler extends ApiHandler {
    @Inject PerformanceService performance;

    public GetPerformanceHandler() {}

    public GetPerformanceHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        PerformancePeriod period = PerformancePeriod.parse(request.query("period").orElse("30d"))
                .orElseThrow(() -> InvalidInputException.of("period", "must be one of 1d, 7d, 30d, 90d, 1y, all"));
        return Responses.ok(performance.report(request.userId(), period));
    }
}
