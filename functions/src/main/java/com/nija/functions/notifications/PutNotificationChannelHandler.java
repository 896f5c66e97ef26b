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
import java.util.Map;

/**
 * {@code PUT /api/v1/notifications/channels/{channel}} — sets up (or replaces, enabled again) one of the caller's
 * channels: email {@code {"address"}}, webhook {@code {"url"}} (HTTPS), telegram {@code {"chatId"}}, discord
 * {@code {"webhookUrl"}}. 200 the channel; for a webhook with its {@code signingSecret}, shown this once and stored
 * sealed. 404 an unknown channel; 400 not a JSON object; 422 a missing, malformed or unknown field (named, never
 * quoted).
 */
public class PutNotificationChannelHandler extends ApiHandler {
    @Inject NotificationSettings settings;

    public PutNotificationChannelHandler() {}

    public PutNotificationChannelHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(settings.setUpChannel(request.userId(), request.pathParameter("channel"),
                request.body(JsonNode.class)));
    }

    /** Priming sends an address that breaks the rules: parsing runs, nothing is sealed or written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setPathParameters(Map.of("channel", "email"));
        event.setBody("{\"address\":\"priming\"}");
        return event;
    }
}
