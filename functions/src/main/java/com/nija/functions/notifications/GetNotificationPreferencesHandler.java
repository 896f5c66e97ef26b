package com.nija.functions.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.notifications.NotificationSettings;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code GET /api/v1/notifications/preferences} — which events go to which of the caller's channels, and the channels
 * they set up: 200 {@code {events: {fill: ["email"], …}, channels: [{channel, target, enabled, …}], updatedAt}}. Never
 * a secret.
 */
public class GetNotificationPreferencesHandler extends ApiHandler {
    @Inject NotificationSettings settings;

    public GetNotificationPreferencesHandler() {}

    public GetNotificationPreferencesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(settings.view(request.userId()));
    }
}
