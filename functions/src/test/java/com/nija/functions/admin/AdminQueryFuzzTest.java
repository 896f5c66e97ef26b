package com.nija.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.functions.audit.GetAuditHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.FuzzBackends;
import com.nija.functions.support.ServerFaults;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Fuzzes the query parameters of the admin directory ({@code GET /api/v1/admin/traders}) and of both audit reads
 * ({@code GET /api/v1/admin/audit}, {@code GET /api/v1/audit}): any subset of their parameters with any values.
 * Every answer is a 2xx or a problem+json 4xx naming the parameter, never a 5xx. (Names the document does not list
 * are refused by the contract check before a handler would ignore them, so only listed names are sent.)
 */
class AdminQueryFuzzTest {
    private static final String[] DIRECTORY = {"query", "tier", "mode", "status", "cursor", "limit"};
    private static final String[] ADMIN_AUDIT = {"trader", "from", "to", "cursor", "limit"};
    private static final String[] OWN_AUDIT = {"from", "to", "cursor", "limit"};

    private static ListTradersHandler directory;
    private static GetAdminAuditHandler adminAudit;
    private static GetAuditHandler ownAudit;

    private static synchronized void start() {
        FuzzBackends.allowLoopback();
        if (directory != null) return;
        ApplicationContext context = FuzzBackends.context();
        directory = new ListTradersHandler(context);
        adminAudit = new GetAdminAuditHandler(context);
        ownAudit = new GetAuditHandler(context);
    }

    @FuzzTest
    void traders(FuzzedDataProvider data) {
        start();
        APIGatewayV2HTTPEvent event = withQuery("api/list-traders.json", DIRECTORY, data);
        ServerFaults.assertNone(directory.handleRequest(event, null), event.getRawQueryString());
    }

    @FuzzTest
    void audit(FuzzedDataProvider data) {
        start();
        APIGatewayV2HTTPEvent event = withQuery("api/get-admin-audit.json", ADMIN_AUDIT, data);
        ServerFaults.assertNone(adminAudit.handleRequest(event, null), event.getRawQueryString());
    }

    @FuzzTest
    void ownAudit(FuzzedDataProvider data) {
        start();
        APIGatewayV2HTTPEvent event = withQuery("api/get-audit.json", OWN_AUDIT, data);
        ServerFaults.assertNone(ownAudit.handleRequest(event, null), event.getRawQueryString());
    }

    /** The fixture's request with up to six of the route's parameters, any values. */
    private static APIGatewayV2HTTPEvent withQuery(String fixture, String[] names, FuzzedDataProvider data) {
        Map<String, String> query = new HashMap<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            query.put(names[data.consumeInt(0, names.length - 1)], data.consumeString(300));
        }
        return Events.withQuery(Events.http(fixture), query);
    }
}
