package com.nija.functions.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.notifications.NotificationSettings;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code GET /api/v1/notifications/deliveries?limit=&cursor=} — the caller's delivery log, newest first: each event on
 * each channel with its status ({@code pending}, {@code retrying}, {@code delivered}, {@code failed}, {@code skipped}),
 * attempts and last error. 1–100 a page (default 50), signed {@code nextCursor}. 200; 400 a bad limit or cursor.
 */
public class ListNotificationDeliveriesHandler extends ApiHandler {
    @Inject NotificationSettings settings;

    public ListNotificationDeliveriesHandler() {}

    public ListNotificationDeliveriesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        int limit = request.queryInt("limit", 50, 1, NotificationSettings.MAX_LIMIT);
        return Responses.ok(settings.deliveries(request.userId(), limit, request.query("cursor").orElse(null)));
    }
}
