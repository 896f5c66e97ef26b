package com.nija.shared.billing;

import com.nija.shared.problem.DomainException;

/**
 * No Stripe webhook signing secret is configured, so no webhook can be verified. A fault of the server, not of the
 * sender: answered 503, which Stripe retries and the API's 5xx alarm counts.
 */
public class StripeWebhookNotConfiguredException extends DomainException {
    public StripeWebhookNotConfiguredException() {
        super("Stripe webhooks cannot be verified: the signing secret is not configured on the server");
    }

    @Override
    public String problemType() {
        return "webhook-not-configured";
    }
}
