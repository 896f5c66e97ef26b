package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.functions.settings.GetSettingsHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.FuzzBackends;
import com.nija.functions.support.ServerFaults;
import java.util.HashMap;
import java.util.Map;

/**
 * Fuzzes the claims a JWT authorizer hands a route (whatever a validly signed token carries: no {@code sub}, blank,
 * huge or odd values, groups in any rendering), through a route that reads the caller's identity. Every answer is
 * a 2xx or a problem+json 4xx (401 for a token naming no trader), never a 5xx.
 */
class ApiRequestClaimsFuzzTest {
    private static final String[] CLAIMS = {"sub", "cognito:groups", "client_id", "username", "scope", "email", "exp"};

    private static GetSettingsHandler handler;

    private static synchronized GetSettingsHandler handler() {
        if (handler == null) handler = new GetSettingsHandler(FuzzBackends.context());
        return handler;
    }

    @FuzzTest
    void claims(FuzzedDataProvider data) {
        GetSettingsHandler getSettings = handler();
        Map<String, String> claims = new HashMap<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            String name = data.consumeBoolean() ? CLAIMS[data.consumeInt(0, CLAIMS.length - 1)] : data.consumeString(20);
            claims.put(name, data.consumeString(200));
        }
        APIGatewayV2HTTPEvent event = Events.http("api/get-settings.json");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);

        ServerFaults.assertNone(getSettings.handleRequest(event, null), claims.toString());
    }
}
