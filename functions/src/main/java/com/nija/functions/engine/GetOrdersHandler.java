package com.nija.functions.engine;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.engine.OrderRepository;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.problem.InvalidInputException;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /api/v1/orders?status=filled|refused|failed|resting&limit=50} — the caller's orders, newest first, with
 * refusal and failure reasons. 200; 400 unknown status or bad limit.
 */
public class GetOrdersHandler extends ApiHandler {
    @Inject OrderRepository orders;

    public GetOrdersHandler() {}

    public GetOrdersHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        OrderStatus status = request.query("status").map(s -> OrderStatus.parse(s).orElseThrow(() ->
                InvalidInputException.of("status", "must be filled, refused, failed, resting or cancelled"))).orElse(null);
        int limit = request.queryInt("limit", 50, 1, 100);
        return Responses.ok(Map.of("orders", orders.list(request.userId(), status, limit).stream().map(OrderViews::of).toList()));
    }
}
