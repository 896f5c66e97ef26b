package com.nija.shared.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the answers of Cognito's {@code /oauth2/token} and {@code /oauth2/revoke} endpoints (Amazon Cognito Developer
 * Guide, "The token issuer endpoint" and "The token revocation endpoint"): 200 with {@code access_token},
 * {@code id_token}, {@code refresh_token} (authorization code only), {@code token_type} Bearer and
 * {@code expires_in}; errors as 400/401 {@code {"error": "invalid_request|invalid_client|invalid_grant|
 * unauthorized_client|unsupported_grant_type|unsupported_token_type"}}. Never echoes a token into a message.
 */
final class CognitoAnswers {
    /** The OAuth errors that mean "this grant or client is refused"; anything else is Cognito being unavailable. */
    private static final Set<String> REFUSALS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "unsupported_token_type");

    private CognitoAnswers() {}

    static SessionTokens tokens(int status, String body) {
        if (status != 200) throw refusal(status, body);
        JsonNode json = Json.readTree(body).filter(JsonNode::isObject)
                .orElseThrow(() -> new SignInUnavailableException("Cognito's token endpoint answered 200 without a "
                        + "JSON object"));
        String access = text(json, "access_token");
        String type = text(json, "token_type");
        if (access == null || type == null || !type.equalsIgnoreCase("Bearer")) {
            throw new SignInUnavailableException("Cognito's token endpoint answered without a Bearer access token");
        }
        JsonNode expires = json.get("expires_in");
        long expiresIn = expires != null && expires.canConvertToLong() && expires.asLong() > 0 ? expires.asLong() : 3600;
        return new SessionTokens(access, text(json, "id_token"), text(json, "refresh_token"), expiresIn);
    }

    /** Revocation answers 200 with an empty body, also for a token that is unknown or already revoked. */
    static void revoked(int status, String body) {
        if (status != 200) throw refusal(status, body);
    }

    private static RuntimeException refusal(int status, String body) {
        Optional<String> error = Json.readTree(body).filter(JsonNode::isObject).map(j -> text(j, "error"))
                .filter(REFUSALS::contains);
        if ((status == 400 || status == 401) && error.isPresent()) {
            return new SignInRefusedException(error.get(), "Cognito refused the sign-in (" + error.get()
                    + "): sign in again");
        }
        return new SignInUnavailableException("Cognito answered HTTP " + status + ": try again shortly");
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
