package com.nija.shared.billing;

import com.nija.shared.export.ExportFormat;
import com.nija.shared.export.RowWriter;
import jakarta.inject.Singleton;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Finance's month exports, written page by page as DynamoDB returns them (one query page and its customers' traders
 * are all it holds): the subscriptions in force at any time in the month (started before its end, not ended before
 * its start), grouped by their current status, each as stored now; and the invoices created in the month, oldest
 * first, with their newest payment state. Money exactly, in major units, at the currency's own decimals. Read from the
 * indexes, so a change of the last second may be missing (eventually consistent).
 */
@Singleton
public class BillingExporter {
    /** Items a query page asks for; also the most customers one BatchGetItem may read (100). */
    public static final int PAGE_SIZE = 100;

    private final BillingStore store;

    public BillingExporter(BillingStore store) {
        this.store = store;
    }

    /** @return how many rows were written */
    public long export(BillingExportKind kind, YearMonth month, ExportFormat format, Writer out) {
        return export(kind, month, format, out, rows -> {});
    }

    /** @param pageProbe told the size of each page as it is read, before it is written (tests check the bound) */
    public long export(BillingExportKind kind, YearMonth month, ExportFormat format, Writer out,
                       IntConsumer pageProbe) {
        try (RowWriter writer = RowWriter.of(format, kind.columns(), kind.rows(), out)) {
            return kind == BillingExportKind.INVOICES ? invoices(month, writer, pageProbe)
                    : subscriptions(month, writer, pageProbe);
        }
    }

    private long subscriptions(YearMonth month, RowWriter writer, IntConsumer pageProbe) {
        Instant start = BillingMonth.start(month);
        Instant end = BillingMonth.end(month);
        long written = 0;
        for (String status : BillingStore.STATUSES) {
            for (List<SubscriptionStateItem> page : store.subscriptionPages(status, PAGE_SIZE)) {
                pageProbe.accept(page.size());
                for (SubscriptionStateItem s : page) {
                    Instant began = s.startedAt() != null ? s.startedAt() : s.createdAt();
                    if (began == null || !began.isBefore(end) || (s.endedAt() != null && s.endedAt().isBefore(start))) {
                        continue;
                    }
                    writer.write(s.subscriptionId(), s.customerId(), s.userId(), s.tier(), s.entitledTier(),
                            s.status(), s.priceId(), s.interval(), money(s.monthlyAmount(), s.currency()),
                            s.currency(), s.currentPeriodStart(), s.currentPeriodEnd(), s.cancelAtPeriodEnd(),
                            s.cancelAt(), s.trialEnd(), began, s.endedAt());
                    written++;
                }
            }
        }
        return written;
    }

    private long invoices(YearMonth month, RowWriter writer, IntConsumer pageProbe) {
        long written = 0;
        for (List<StripeInvoiceItem> page : store.invoicePagesOfMonth(month, PAGE_SIZE)) {
            pageProbe.accept(page.size());
            Map<String, String> traders = store.usersOfCustomers(page.stream().map(StripeInvoiceItem::customerId)
                    .filter(java.util.Objects::nonNull).toList());
            for (StripeInvoiceItem i : page) {
                writer.write(i.invoiceId(), i.customerId(), i.customerId() == null ? null : traders.get(i.customerId()),
                        i.subscriptionId(), i.status(), money(i.amountDue(), i.currency()),
                        money(i.amountPaid(), i.currency()), i.currency(), i.periodStart(), i.periodEnd(),
                        i.invoiceCreated(), i.paidAt(), i.attemptCount(), i.billingReason());
                written++;
            }
        }
        return written;
    }

    /**
     * At least the currency's decimals ({@code 149.00} usd, {@code 5000} jpy), as the invoice shows it; a price with
     * more decimals (Stripe's {@code unit_amount_decimal}) keeps every one.
     */
    private static BigDecimal money(BigDecimal amount, String currency) {
        if (amount == null) return null;
        int digits = StripeJson.fractionDigits(currency);
        return amount.scale() >= digits ? amount : amount.setScale(digits, RoundingMode.UNNECESSARY);
    }
}
