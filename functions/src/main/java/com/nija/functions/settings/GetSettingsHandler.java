package com.nija.functions.settings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.ETags;
import com.nija.functions.http.Responses;
import com.nija.shared.settings.RiskSettings;
import com.nija.shared.settings.SettingsService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code GET /api/v1/settings} — the caller's risk settings with an {@code ETag} to send back on PUT. 200. */
public class GetSettingsHandler extends ApiHandler {
    @Inject SettingsService settings;

    public GetSettingsHandler() {}

    public GetSettingsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        RiskSettings current = settings.get(request.userId());
        return Responses.json(200, current, Map.of("ETag", ETags.of(current.version())));
    }
}
