package com.nija.functions.settings;

import java.util.Set;
import java.util.EnumSet;
import com.nija.shared.audit.AuditAspect;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.ETags;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.settings.RiskSettings;
import com.nija.shared.settings.SettingsService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code PUT /api/v1/settings} — replaces the caller's risk settings. The version being replaced comes from
 * {@code If-Match} (the ETag of GET) or the body's {@code version}. 200 with the new settings and ETag;
 * 400 malformed; 422 a risk rule broken; 412 someone saved in between; 428 no version given. Nothing is
 * written unless 200.
 */
public class PutSettingsHandler extends ApiHandler implements EngineWrite {
    @Inject SettingsService settings;

    public PutSettingsHandler() {}

    public PutSettingsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        RiskSettings input = request.body(RiskSettings.class);
        long expected = ETags.expected(request, input.version(), "GET /api/v1/settings");
        RiskSettings saved = settings.replace(request.userId(), input, expected);
        return Responses.json(200, saved, Map.of("ETag", ETags.of(saved.version())));
    }

    /** Priming sends settings that break a rule: parsing and validation run, nothing is written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"positionSizePct\":\"99\",\"maxOpenPositions\":0,\"version\":0}");
        return event;
    }

    /** Saving settings changes only the settings. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.of(AuditAspect.SETTINGS);
    }
}
