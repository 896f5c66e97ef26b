package com.nija.functions.leaving;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.AuditPolicy;
import com.nija.functions.http.Responses;
import com.nija.shared.leaving.AccountDeletion;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * {@code DELETE /api/v1/account} with {@code {"confirm":"DELETE my account"}} (or the caller's trader id) — deletes the
 * caller's personal data and keeps the financial and audit records under a one-way pseudonym (docs/AUDIT.md).
 * Idempotent: a retry finishes a deletion that stopped halfway. Audited under the pseudonym (the usual audit record
 * would name the trader). 200 with what was kept and deleted; 400 confirm missing or wrong; 409 a live position open.
 */
public class DeleteAccountHandler extends ApiHandler {
    /** The body: only the confirmation. */
    public record Confirmation(String confirm) {}

    @Inject AccountDeletion deletion;

    public DeleteAccountHandler() {}

    public DeleteAccountHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String confirm = request.body(Confirmation.class).confirm();
        return Responses.ok(deletion.delete(request.userId(), confirm, request.actor()));
    }

    @Override
    protected AuditPolicy auditPolicy() {
        return AuditPolicy.BY_SERVICE; // the usual record would name the trader the route just erased
    }

    /** Every path of this route writes or refuses: nothing to prime. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        return null;
    }
}
