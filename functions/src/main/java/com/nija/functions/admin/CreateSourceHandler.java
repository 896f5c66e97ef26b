package com.nija.functions.admin;

import java.util.Set;
import java.util.EnumSet;
import com.nija.shared.audit.AuditAspect;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.signals.SourceAdmin;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/admin/sources} {@code {"id": "tv-alerts", "kind": "SIGNALS", "strategies": ["*"]}} — admin group
 * only. Registers a signal source (or, with kind PRICES and no strategies, a price feed) and answers 201
 * {@code {source, secret}}: the only time the secret is shown; it is stored sealed. An optional
 * {@code rateLimitPerMinute} sets the requests a minute it may send (else the platform's default). 400 a body that is
 * not that JSON object; 422 an id, kind, strategies or limit that break their rules; 409 the id is taken; 403 not
 * admin.
 */
public class CreateSourceHandler extends ApiHandler {
    @Inject SourceAdmin sources;

    public CreateSourceHandler() {}

    public CreateSourceHandler(ApplicationContext context) {
        super(context);
    }

    record Body(String id, String kind, List<String> strategies, Integer rateLimitPerMinute) {}

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        Body body = request.body(Body.class);
        return Responses.json(201, sources.create(body.id(), body.kind(), body.strategies(), body.rateLimitPerMinute(),
                request.userId()), Map.of());
    }

    /** Signal sources are not part of a trader's or the kill switch's summary: nothing to read. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.noneOf(AuditAspect.class);
    }
}
