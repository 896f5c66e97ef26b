package com.nija.shared.billing;

import com.nija.shared.problem.InvalidInputException;
import java.util.List;
import java.util.Locale;

/** What finance exports for a month: the subscriptions in force during it, or the invoices created in it. */
public enum BillingExportKind {
    SUBSCRIPTIONS(List.of("subscriptionId", "customerId", "traderId", "tier", "entitledTier", "status", "priceId",
            "interval", "amount", "currency", "currentPeriodStart", "currentPeriodEnd", "cancelAtPeriodEnd",
            "cancelAt", "trialEnd", "startedAt", "endedAt")),
    INVOICES(List.of("invoiceId", "customerId", "traderId", "subscriptionId", "status", "amountDue", "amountPaid",
            "currency", "periodStart", "periodEnd", "createdAt", "paidAt", "attemptCount", "billingReason"));

    private final List<String> columns;

    BillingExportKind(List<String> columns) {
        this.columns = columns;
    }

    /** CSV header and JSON field names, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The JSON document's field holding the rows, and the file name's stem. */
    public String rows() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code {kind}} path parameter. */
    public static BillingExportKind parse(String value) {
        for (BillingExportKind kind : values()) {
            if (kind.rows().equals(value)) return kind;
        }
        throw InvalidInputException.of("kind", "must be subscriptions or invoices");
    }
}
