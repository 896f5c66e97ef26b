package com.nija.functions.dashboard;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.dashboard.DashboardService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** {@code GET /api/v1/dashboard} — equity, today's P&L, exposure, open positions, last 10 trades, bot state, tier. 200. */
public class GetDashboardHandler extends ApiHandler {
    @Inject DashboardService dashboard;

    public GetDashboardHandler() {}

    public GetDashboardHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(dashboard.get(request.userId()));
    }
}
