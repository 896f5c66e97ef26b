package com.nija.functions.trading;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.PositionsPage;
import com.nija.shared.trading.PositionsService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/positions?status=open|closed&limit=50&cursor=…} — the caller's open positions (the default),
 * with unrealized P&L at the latest price; or their closed ones, a page at a time (they grow forever), with an
 * opaque signed {@code nextCursor}. 200; 400 for an unknown status, a limit outside 1–100 or a cursor this listing
 * did not issue; 401 without a valid token (authorizer).
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
                .orElse(PositionStatus.OPEN);
        if (status == PositionStatus.OPEN) {
            return Responses.ok(Map.of("positions", positions.list(request.userId(), PositionStatus.OPEN)));
        }
        int limit = request.queryInt("limit", 50, 1, PositionsService.MAX_LIMIT);
        PositionsPage page = positions.closed(request.userId(), limit, request.query("cursor").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("positions", page.positions());
        body.put("nextCursor", page.nextCursor());
        return Responses.ok(body);
    }
}
