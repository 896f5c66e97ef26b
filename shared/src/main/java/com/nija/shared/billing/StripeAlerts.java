package com.nija.shared.billing;

import com.nija.shared.alerts.AlertKind;
import com.nija.shared.alerts.AlertRaiser;
import com.nija.shared.alerts.OperatorAlert;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Stripe webhook failures as operator alerts: no signing secret (critical: every event is refused), signatures
 * refused (warning, at most hourly: a secret rotated on one side only, or someone probing), an event that failed to
 * apply (warning, once a day per event: Stripe retries it for 3 days). What a sender sent is never quoted.
 */
@Singleton
public class StripeAlerts {
    private final AlertRaiser alerts;
    private final Clock clock;

    public StripeAlerts(AlertRaiser alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    void unconfigured() {
        alerts.raise(new OperatorAlert(AlertKind.STRIPE_WEBHOOK_UNCONFIGURED, "POST /webhooks/stripe",
                "a delivery arrived and no signing secret is configured: answered 503", null, clock.instant()));
    }

    void signatureRefused() {
        alerts.raise(new OperatorAlert(AlertKind.STRIPE_SIGNATURE_REFUSED, "POST /webhooks/stripe",
                "a delivery's Stripe-Signature did not verify: answered 400 (repeats within the hour are counted in "
                        + "the log, not alerted)", null, clock.instant()));
    }

    void applyFailed(StripeEvent event, RuntimeException failure) {
        alerts.raise(new OperatorAlert(AlertKind.STRIPE_WEBHOOK_FAILED, "Stripe event " + event.id(),
                event.type() + " for " + event.objectId() + " failed to apply (" + failure.getClass().getSimpleName()
                        + "); answered 5xx, Stripe retries", event.id(), clock.instant()));
    }
}
