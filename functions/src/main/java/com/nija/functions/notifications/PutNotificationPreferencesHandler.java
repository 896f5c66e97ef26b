package com.nija.functions.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.notifications.NotificationSettings;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code PUT /api/v1/notifications/preferences} {@code {"events": {"fill": ["email", "webhook"], …}}} — replaces the
 * caller's choices (an event left out goes nowhere). 200 as GET; 400 not a JSON object; 422 an unknown event or
 * channel, a channel listed twice or not set up, naming the field ({@code events.fill[1]}). Nothing is written unless
 * 200.
 */
public class PutNotificationPreferencesHandler extends ApiHandler {
    @Inject NotificationSettings settings;

    public PutNotificationPreferencesHandler() {}

    public PutNotificationPreferencesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(settings.savePreferences(request.userId(), request.body(JsonNode.class)));
    }

    /** Priming sends an unknown event: parsing and validation run, nothing is written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setBody("{\"events\":{\"priming\":[]}}");
        return event;
    }
}
