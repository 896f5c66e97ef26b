package com.nija.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.functions.priming.Priming;
import com.nija.shared.alerts.AlertView;
import com.nija.shared.alerts.RecentAlerts;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code GET /api/v1/admin/alerts} — admin group only. 200 {@code {alerts: [{kind, severity, title, subject, detail,
 * firstCheck, raisedAt}]}}, the newest {@value RecentAlerts#LIMIT} operator alerts raised (kept 30 days), newest
 * first: the same alerts SNS carries in AWS, the log and webhook locally. 403 not admin.
 */
public class ListAlertsHandler extends ApiHandler {
    @Inject RecentAlerts alerts;

    public ListAlertsHandler() {}

    public ListAlertsHandler(ApplicationContext context) {
        super(context);
    }

    record Listing(List<AlertView> alerts) {}

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        return Responses.ok(new Listing(alerts.newest()));
    }

    /** Priming: an admin's read of the list, which writes nothing. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return Priming.getEvent(Priming.USER, "admin");
    }
}
