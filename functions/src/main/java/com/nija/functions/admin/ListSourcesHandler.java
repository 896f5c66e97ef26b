package com.nija.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.signals.SourceAdmin;
import com.nija.shared.signals.SourceView;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code GET /api/v1/admin/sources} — admin group only. 200 {@code {sources: [{id, kind, strategies, enabled,
 * createdAt, rotatedAt, previousSecretValidUntil, disabledAt}]}} by id; never a secret. 403 not admin.
 */
public class ListSourcesHandler extends ApiHandler {
    @Inject SourceAdmin sources;

    public ListSourcesHandler() {}

    public ListSourcesHandler(ApplicationContext context) {
        super(context);
    }

    record Listing(List<SourceView> sources) {}

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        return Responses.ok(new Listing(sources.list()));
    }

    /** Priming: an admin's listing, a read that returns no secret and writes nothing. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return Priming.getEvent(Priming.USER, "admin");
    }
}
