package com.nija.functions.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.billing.AccountService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code GET /api/v1/account} — the caller's plan: tier in force, subscription status, renewal date, entitlements
 * (the tier's limits the engine enforces), what happens at period end, and payment health. 200.
 */
public class GetAccountHandler extends ApiHandler {
    @Inject AccountService accounts;

    public GetAccountHandler() {}

    public GetAccountHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(accounts.account(request.userId()));
    }
}
