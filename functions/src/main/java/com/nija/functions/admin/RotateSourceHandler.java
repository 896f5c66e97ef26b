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
 * {@code POST /api/v1/admin/sources/{id}/rotate} — admin group only. 200 {@code {source, secret}} with a new secret,
 * shown this once; the previous secret keeps verifying until {@code source.previousSecretValidUntil} (24 h by
 * default), then only the new one does. 400 not a source id; 404 no such source; 409 changed by someone else at the
 * same moment; 403 not admin.
 */
public class RotateSourceHandler extends ApiHandler {
    @Inject SourceAdmin sources;

    public RotateSourceHandler() {}

    public RotateSourceHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        return Responses.ok(sources.rotate(request.pathParameter("id"), request.userId()));
    }

    /** Signal sources are not part of a trader's or the kill switch's summary: nothing to read. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.noneOf(AuditAspect.class);
    }
}
