package com.nija.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.admin.TraderDirectory;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/traders?query=&tier=&mode=&status=&limit=&cursor=} — admin group. Traders in id order
 * ({@code query}: an id prefix; {@code tier}; {@code mode} paper|live; {@code status}: subscription status), 1–50 a page
 * (default 20): id, tier, subscription status, mode, bot state, open positions, equity, newest fill; a signed
 * {@code nextCursor}. 200; 400 an unknown filter value, a bad limit or a cursor not issued for this filter; 403 not
 * admin. No broker keys, nor hints of them.
 */
public class ListTradersHandler extends ApiHandler {
    @Inject TraderDirectory directory;

    public ListTradersHandler() {}

    public ListTradersHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        int limit = request.queryInt("limit", 20, 1, TraderDirectory.MAX_LIMIT);
        TraderDirectory.Filter filter = new TraderDirectory.Filter(request.query("query").orElse(null),
                request.query("tier").orElse(null), request.query("mode").orElse(null),
                request.query("status").orElse(null));
        return Responses.ok(directory.page(request.userId(), filter, limit, request.query("cursor").orElse(null)));
    }

    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER, "admin");
        // Only the priming user's own id prefix: the page is never followed by another, so priming signs no cursor
        // and reads no secret into the snapshot, whatever the directory holds.
        event.setQueryStringParameters(Map.of("limit", "1", "query", Priming.USER));
        return event;
    }
}
