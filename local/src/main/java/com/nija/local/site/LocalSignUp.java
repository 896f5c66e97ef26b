package com.nija.local.site;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.http.Problems;
import com.nija.functions.http.Responses;
import com.nija.local.gateway.StaticSite;
import com.nija.shared.signup.SignUp;
import com.nija.shared.signup.TermsConfig;
import com.nija.shared.signup.TraderOnboarding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /local/sign-up {"traderId", "acceptTerms": true}}: the local stand-in for a confirmed Cognito sign-up
 * (which runs the post-confirmation trigger in AWS). It creates the trader with the same {@link TraderOnboarding}:
 * profile, $10,000 paper account, the trial, default settings and — when {@code acceptTerms} is true — the terms in
 * force, accepted from the caller's address. 201 for a new trader, 200 for one who exists (nothing changed). Never
 * served in AWS. {@code nija-local token --user ID} calls it; other paths go to {@code next} (the dashboard), if any.
 */
public final class LocalSignUp implements StaticSite {
    public static final String PATH = "/local/sign-up";

    private final TraderOnboarding onboarding;
    private final TermsConfig terms;
    private final StaticSite next;

    public LocalSignUp(TraderOnboarding onboarding, TermsConfig terms, StaticSite next) {
        this.onboarding = onboarding;
        this.terms = terms;
        this.next = next;
    }

    @Override
    public APIGatewayV2HTTPResponse serve(String method, String rawPath, Function<String, String> header, String body) {
        return serve(method, rawPath, header, body, null);
    }

    @Override
    public APIGatewayV2HTTPResponse serve(String method, String rawPath, Function<String, String> header, String body,
                                          String sourceIp) {
        if (!rawPath.equals(PATH)) return next == null ? null : next.serve(method, rawPath, header, body, sourceIp);
        if (!method.equals("POST")) {
            return Problems.of(405, "method-not-allowed", "Method Not Allowed", "use POST", rawPath, Map.of());
        }
        LocalTraderForm form = LocalTraderForm.read(PATH, header, body);
        if (form.problem() != null) return form.problem();
        JsonNode accept = form.body().get("acceptTerms");
        if (accept != null && !accept.isBoolean()) {
            return LocalTraderForm.invalid(PATH, 422, "rule-violation", "acceptTerms", "must be true or false");
        }
        SignUp.Acceptance acceptance = accept != null && accept.booleanValue()
                ? new SignUp.Acceptance(terms.getVersion(), terms.getRiskDisclosureVersion(), sourceIp) : null;
        TraderOnboarding.Result result = onboarding.signUp(new SignUp(form.traderId(), null, acceptance, "local"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("traderId", form.traderId());
        out.put("created", result.created());
        out.put("trialEndsAt", String.valueOf(result.profile().trialEndsAt()));
        return Responses.json(result.created() ? 201 : 200, out, Map.of("Cache-Control", "no-store"));
    }
}
