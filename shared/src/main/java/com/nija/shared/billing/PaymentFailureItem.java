package com.nija.shared.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One failed payment attempt of an invoice (key: invoice + attempt number, so a redelivered event writes the same
 * item). GSI1 lists the attempts of a month for the finance metrics.
 */
public record PaymentFailureItem(String pk, String sk, String invoiceId, String subscriptionId, String customerId,
                                 Long attempt, BigDecimal amountDue, String currency, Instant failedAt, String gsi1pk,
                                 String gsi1sk) {}
