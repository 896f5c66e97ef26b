package com.nija.functions.protections;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.ETags;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.protections.ProtectionSettings;
import com.nija.shared.protections.ProtectionsService;
import com.nija.shared.protections.ProtectionsView;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code PUT /api/v1/protections} — replaces the caller's protections; {@code "resetPeak": true} also restarts the
 * equity peak (how a trader resumes after a drawdown stop they reviewed). The version replaced comes from
 * {@code If-Match} or the body's {@code version}. 200 with the protections and ETag; 400 malformed; 422 a rule broken;
 * 412 someone saved in between; 428 no version given. Nothing is written unless 200.
 */
public class PutProtectionsHandler extends ApiHandler implements EngineWrite {
    @Inject ProtectionsService protections;

    public PutProtectionsHandler() {}

    public PutProtectionsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        ProtectionSettings input = request.body(ProtectionSettings.class);
        long expected = ETags.expected(request, input.version(), "GET /api/v1/protections");
        ProtectionsView saved = protections.replace(request.userId(), input, expected);
        return Responses.json(200, saved, Map.of("ETag", ETags.of(saved.settings().version())));
    }

    /** Priming sends protections that break a rule: parsing and validation run, nothing is written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"drawdownWarnPct\":\"30\",\"drawdownStopPct\":\"20\",\"version\":0}");
        return event;
    }
}
