package com.nija.functions.trading;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.FieldSelection;
import com.nija.functions.http.Responses;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.trading.Symbols;
import com.nija.shared.trading.TradeView;
import com.nija.shared.trading.TradesPage;
import com.nija.shared.trading.TradesService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/trades?limit=50&cursor=…&symbol=…&fields=…} — trade history, newest first, with an opaque
 * cursor for the next page. 200; 400 for a limit outside 1–100, an unknown symbol or field, or a cursor that
 * this listing did not issue.
 */
public class GetTradesHandler extends ApiHandler {
    @Inject TradesService trades;

    public GetTradesHandler() {}

    public GetTradesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        int limit = request.queryInt("limit", 50, 1, TradesService.MAX_LIMIT);
        String symbol = request.query("symbol").map(s -> Symbols.normalize(s).orElseThrow(() ->
                InvalidInputException.of("symbol", "is not a market symbol like BTC-USD"))).orElse(null);
        FieldSelection fields = FieldSelection.parse(request.query("fields"), TradeView.FIELDS);
        TradesPage page = trades.page(request.userId(), symbol, limit, request.query("cursor").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trades", fields.apply(page.trades()));
        body.put("nextCursor", page.nextCursor());
        return Responses.ok(body);
    }
}
