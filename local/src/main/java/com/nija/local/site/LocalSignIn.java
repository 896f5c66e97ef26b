package com.nija.local.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.Responses;
import com.nija.local.auth.TokenIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /local/sign-in {"traderId"}}: the local platform's sign-in form. It issues the same dev token as
 * {@code nija-local token --user ID} (anyone on this machine can already do that; the platform listens on loopback
 * only), so the dashboard needs no identity provider locally. Never served in AWS, where Cognito signs people in.
 * The body is read as {@link LocalTraderForm} reads it.
 */
final class LocalSignIn {
    static final String PATH = "/local/sign-in";
    static final Duration TTL = Duration.ofHours(12);

    private final TokenIssuer tokens;

    LocalSignIn(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    APIGatewayV2HTTPResponse handle(Function<String, String> header, String body) {
        LocalTraderForm form = LocalTraderForm.read(PATH, header, body);
        if (form.problem() != null) return form.problem();
        String token = tokens.issue(form.traderId(), List.of(), TTL);
        return Responses.json(200, Map.of("traderId", form.traderId(), "token", token, "expiresIn", TTL.toSeconds()),
                Map.of("Cache-Control", "no-store"));
    }
}
