package com.nija.shared.billing;

import com.nija.shared.notifications.NotificationEvent;
import com.nija.shared.notifications.NotificationEventType;
import com.nija.shared.notifications.Notifications;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a trader what Stripe told us about their money: the trial ending ({@code customer.subscription.trial_will_end},
 * three days before) and a failed payment ({@code invoice.payment_failed}). The notice's id is the Stripe event's, so
 * Stripe's redeliveries notify once; nothing of the customer's payment details is in it.
 */
@Singleton
public class BillingNotices {
    private final BillingStore store;
    private final Notifications notifications;

    public BillingNotices(BillingStore store, Notifications notifications) {
        this.store = store;
        this.notifications = notifications;
    }

    /** After {@code trial_will_end} was applied with {@code outcome}; returns the outcome. */
    String trialEnding(StripeEvent event, String outcome) {
        StripeObjects.Subscription s = StripeObjects.subscription(event.object());
        owner(s.customerId()).ifPresent(user -> notifications.publish(user, new NotificationEvent(
                "stripe:" + event.id(), NotificationEventType.TRIAL_ENDING, event.created(),
                s.trialEnd() == null ? "Your trial ends soon"
                        : "Your trial ends on " + s.trialEnd().atZone(ZoneOffset.UTC).toLocalDate(),
                NotificationEvent.facts("trial ends", s.trialEnd(), "subscription status", s.status(),
                        "to keep your plan", "add a payment method (POST /api/v1/billing/portal)"))));
        return outcome;
    }

    /** After {@code invoice.payment_failed} was applied with {@code outcome}; returns the outcome. */
    String paymentFailed(StripeEvent event, String outcome) {
        StripeObjects.Invoice inv = StripeObjects.invoice(event.object());
        String currency = inv.currency() == null ? null : inv.currency().toUpperCase(Locale.ROOT);
        owner(inv.customerId()).ifPresent(user -> notifications.publish(user, new NotificationEvent(
                "stripe:" + event.id(), NotificationEventType.PAYMENT_FAILED, event.created(),
                "A payment of " + StripeJson.money(inv.amountDue(), inv.currency()).toPlainString()
                        + (currency == null ? "" : " " + currency) + " failed",
                NotificationEvent.facts("amount due", StripeJson.money(inv.amountDue(), inv.currency()),
                        "currency", currency, "attempt", inv.attemptCount(),
                        "next attempt", inv.nextPaymentAttempt(),
                        "to fix it", "update your payment method (POST /api/v1/billing/portal)"))));
        return outcome;
    }

    private Optional<String> owner(String customerId) {
        return customerId == null ? Optional.empty() : store.userOfCustomer(customerId);
    }
}
