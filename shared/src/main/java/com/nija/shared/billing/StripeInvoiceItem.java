package com.nija.shared.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The newest payment state of one Stripe invoice: {@code paid}, {@code payment_failed} or {@code action_required}.
 * Paid is final (a late failure of an invoice that was paid later changes nothing); otherwise the newer event wins.
 * GSI1 lists a subscription's invoices, newest last; GSI2 the invoices created in a month (finance's export). The
 * period is the service period the invoice bills (its lines').
 */
public record StripeInvoiceItem(String pk, String sk, String invoiceId, String subscriptionId, String customerId,
                                String status, BigDecimal amountDue, BigDecimal amountPaid, String currency,
                                Long attemptCount, Instant invoiceCreated, Instant firstFailedAt, Instant lastFailedAt,
                                Instant paidAt, Instant nextPaymentAttempt, String hostedInvoiceUrl,
                                String billingReason, Long eventCreatedEpoch, String eventId, String gsi1pk,
                                String gsi1sk, Instant periodStart, Instant periodEnd, String gsi2pk, String gsi2sk) {
    public static final String PAID = "paid";
    public static final String PAYMENT_FAILED = "payment_failed";
    public static final String ACTION_REQUIRED = "action_required";
}
