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

/**
 * {@code POST /api/v1/admin/sources/{id}/enable} — admin group only. 200 with the source, whose current secret
 * verifies again. 400 not a source id; 404 no such source; 409 changed by someone else at the same moment; 403 not
 * admin.
 */
public class EnableSourceHandler extends ApiHandler {
    @Inject SourceAdmin sources;

    public EnableSourceHandler() {}

    public EnableSourceHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        return Responses.ok(sources.enable(request.pathParameter("id"), request.userId()));
    }

    /** Signal sources are not part of a trader's or the kill switch's summary: nothing to read. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.noneOf(AuditAspect.class);
    }
}
