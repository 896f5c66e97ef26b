package com.nija.functions.trading;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.PositionsService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /api/v1/positions?status=open|closed} — the caller's positions; open ones carry unrealized P&L
 * at the latest price. 200; 400 for an unknown status; 401 without a valid token (authorizer).
 */
public class GetPositionsHandler extends ApiHandler {
    @Inject PositionsService positions;

    public GetPositionsHandler() {}

    public GetPositionsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        PositionStatus status = request.query("status")
                .map(s -> PositionStatus.parse(s).orElseThrow(() ->
                        InvalidInputException.of("status", "must be open or closed")))
                .orElse(null);
        return Responses.ok(Map.of("positions", positions.list(request.userId(), status)));
    }
}
