package com.nija.functions.account;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.signup.TermsRequest;
import com.nija.shared.signup.TermsService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code POST /api/v1/account/terms} {@code {"terms","riskDisclosure"}} — the caller accepts the terms and risk
 * disclosure in force (what {@code GET /api/v1/account} reports under {@code terms}), recorded with the time and the
 * source IP API Gateway saw, and in the audit trail. 200 with the terms status; 400 a body that is not JSON; 422 a
 * version missing or not the one in force (the page was stale: nothing recorded).
 */
public class AcceptTermsHandler extends ApiHandler {
    @Inject TermsService terms;

    public AcceptTermsHandler() {}

    public AcceptTermsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(terms.accept(request.userId(), request.body(TermsRequest.class), request.sourceIp()));
    }

    /** Not primed: it only writes. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }
}
