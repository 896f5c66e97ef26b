package com.nija.cdk.site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dashboard reads from {@code /config.json} in AWS (the local gateway answers {@code {"signIn":"local"}}),
 * exactly the keys {@code dashboard/src/hosted.js} and {@code App.jsx} use: the hosted sign-in's base URL and the
 * public client id (the app builds {@code /oauth2/authorize} and {@code /logout} from them, redirecting to its own
 * origin's {@code /auth/callback} and {@code /}), and the live WebSocket. The code is redeemed by the sign-in routes
 * on the same origin, which know the domain and client from their environment. Nothing secret: a public client has no
 * secret, and every value is visible to anyone who opens the sign-in page.
 *
 * @param domain   the hosted sign-in's base URL ({@code https://<prefix>.auth.<region>.amazoncognito.com})
 * @param clientId the dashboard's user pool client (public: no secret)
 * @param wsUrl    the live WebSocket stage ({@code wss://…/live})
 */
public record DashboardConfig(String domain, String clientId, String wsUrl) {
    /** {@code signIn}'s value that makes the dashboard use Cognito's hosted pages. */
    public static final String COGNITO = "cognito";

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signIn", COGNITO);
        json.put("domain", domain);
        json.put("clientId", clientId);
        json.put("wsUrl", wsUrl);
        return json;
    }
}
