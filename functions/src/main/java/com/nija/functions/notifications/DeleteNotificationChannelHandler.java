package com.nija.functions.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.notifications.NotificationSettings;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code DELETE /api/v1/notifications/channels/{channel}} — removes one of the caller's channels (its secrets with it);
 * events routed to it are skipped from then on. 204; 404 an unknown channel or none set up.
 */
public class DeleteNotificationChannelHandler extends ApiHandler {
    @Inject NotificationSettings settings;

    public DeleteNotificationChannelHandler() {}

    public DeleteNotificationChannelHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        settings.removeChannel(request.userId(), request.pathParameter("channel"));
        return Responses.noContent();
    }

    @Override
    protected com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }
}
