package com.nija.shared.billing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of Stripe's subscription, invoice and Checkout Session objects that billing uses, in the shape of the
 * current API version (2025-03-31.basil and later: billing periods on subscription items, an invoice's subscription
 * under {@code parent.subscription_details}); the older top-level fields are read when the new ones are absent.
 */
public final class StripeObjects {
    private StripeObjects() {}

    /** One priced line of a subscription; {@code unitAmount} in minor units of {@code currency}. */
    public record Line(String priceId, String lookupKey, BigDecimal unitAmount, long quantity, String interval,
                       long intervalCount, String currency) {

        /** What this line bills per month in major units (a yearly price / 12, a weekly one × 52 / 12…). */
        public BigDecimal monthlyAmount() {
            BigDecimal perPeriod = unitAmount.multiply(BigDecimal.valueOf(quantity))
                    .movePointLeft(StripeJson.fractionDigits(currency));
            long count = Math.max(1, intervalCount);
            BigDecimal months = switch (interval == null ? "month" : interval) {
                case "year" -> BigDecimal.valueOf(12L * count);
                case "week" -> BigDecimal.valueOf(12L * count).divide(BigDecimal.valueOf(52), 12, RoundingMode.HALF_EVEN);
                case "day" -> BigDecimal.valueOf(12L * count).divide(BigDecimal.valueOf(365), 12, RoundingMode.HALF_EVEN);
                default -> BigDecimal.valueOf(count);
            };
            return perPeriod.divide(months, 6, RoundingMode.HALF_EVEN);
        }
    }

    public record Subscription(String id, String customerId, String status, List<Line> lines,
                               boolean cancelAtPeriodEnd, Instant cancelAt, Instant canceledAt, Instant endedAt,
                               Instant trialStart, Instant trialEnd, Instant currentPeriodStart,
                               Instant currentPeriodEnd, Instant startDate, Instant created, String currency,
                               boolean scheduled, String latestInvoiceId, String metadataUserId) {}

    public record Invoice(String id, String customerId, String subscriptionId, String status, long amountDue,
                          long amountPaid, String currency, long attemptCount, Instant created, Instant paidAt,
                          Instant nextPaymentAttempt, String hostedInvoiceUrl, String billingReason,
                          Instant periodStart, Instant periodEnd) {}

    public record CheckoutSession(String id, String mode, String clientReferenceId, String customerId,
                                  String subscriptionId, String status, String paymentStatus) {}

    /** Metadata key a Checkout integration may set on the subscription to name the trader (a fallback link). */
    public static final String USER_METADATA_KEY = "nija_user_id";

    public static Subscription subscription(JsonNode o) {
        List<Line> lines = new ArrayList<>();
        Instant periodStart = null;
        Instant periodEnd = null;
        for (JsonNode item : o.path("items").path("data")) {
            JsonNode price = item.path("price");
            String currency = StripeJson.text(price, "currency");
            BigDecimal unit = unitAmount(price);
            JsonNode recurring = price.path("recurring");
            lines.add(new Line(StripeJson.text(price, "id"), StripeJson.text(price, "lookup_key"), unit,
                    item.path("quantity").asLong(1), StripeJson.text(recurring, "interval"),
                    recurring.path("interval_count").asLong(1), currency));
            Instant start = StripeJson.time(item, "current_period_start");
            Instant end = StripeJson.time(item, "current_period_end");
            if (start != null && (periodStart == null || start.isBefore(periodStart))) periodStart = start;
            if (end != null && (periodEnd == null || end.isAfter(periodEnd))) periodEnd = end;
        }
        if (periodStart == null) periodStart = StripeJson.time(o, "current_period_start");
        if (periodEnd == null) periodEnd = StripeJson.time(o, "current_period_end");
        return new Subscription(StripeJson.text(o, "id"), StripeJson.id(o, "customer"), StripeJson.text(o, "status"),
                List.copyOf(lines), StripeJson.flag(o, "cancel_at_period_end"), StripeJson.time(o, "cancel_at"),
                StripeJson.time(o, "canceled_at"), StripeJson.time(o, "ended_at"), StripeJson.time(o, "trial_start"),
                StripeJson.time(o, "trial_end"), periodStart, periodEnd, StripeJson.time(o, "start_date"),
                StripeJson.time(o, "created"), StripeJson.text(o, "currency"), StripeJson.id(o, "schedule") != null,
                StripeJson.id(o, "latest_invoice"), StripeJson.text(o.path("metadata"), USER_METADATA_KEY));
    }

    public static Invoice invoice(JsonNode o) {
        String subscription = StripeJson.id(o.path("parent").path("subscription_details"), "subscription");
        if (subscription == null) subscription = StripeJson.id(o, "subscription"); // before 2025-03-31.basil
        if (subscription == null) {
            for (JsonNode line : o.path("lines").path("data")) {
                subscription = StripeJson.id(line.path("parent").path("subscription_item_details"), "subscription");
                if (subscription != null) break;
            }
        }
        Long attempts = StripeJson.number(o, "attempt_count");
        // The service period is on the lines (lines.data[].period); the invoice's own period_start/period_end is the
        // period usage was collected in, the fallback for an invoice without lines.
        Instant periodStart = null;
        Instant periodEnd = null;
        for (JsonNode line : o.path("lines").path("data")) {
            Instant start = StripeJson.time(line.path("period"), "start");
            Instant end = StripeJson.time(line.path("period"), "end");
            if (start != null && (periodStart == null || start.isBefore(periodStart))) periodStart = start;
            if (end != null && (periodEnd == null || end.isAfter(periodEnd))) periodEnd = end;
        }
        if (periodStart == null) periodStart = StripeJson.time(o, "period_start");
        if (periodEnd == null) periodEnd = StripeJson.time(o, "period_end");
        return new Invoice(StripeJson.text(o, "id"), StripeJson.id(o, "customer"), subscription,
                StripeJson.text(o, "status"), o.path("amount_due").asLong(0), o.path("amount_paid").asLong(0),
                StripeJson.text(o, "currency"), attempts == null ? 0 : attempts, StripeJson.time(o, "created"),
                StripeJson.time(o.path("status_transitions"), "paid_at"), StripeJson.time(o, "next_payment_attempt"),
                StripeJson.text(o, "hosted_invoice_url"), StripeJson.text(o, "billing_reason"), periodStart, periodEnd);
    }

    public static CheckoutSession checkoutSession(JsonNode o) {
        return new CheckoutSession(StripeJson.text(o, "id"), StripeJson.text(o, "mode"),
                StripeJson.text(o, "client_reference_id"), StripeJson.id(o, "customer"),
                StripeJson.id(o, "subscription"), StripeJson.text(o, "status"), StripeJson.text(o, "payment_status"));
    }

    /**
     * Stripe's {@code unit_amount_decimal}: minor units with at most 12 decimals. Anything else (not a number, an
     * exponent) is read as no amount, like a missing one, rather than failing the delivery.
     */
    private static final Pattern UNIT_AMOUNT_DECIMAL = Pattern.compile("\\d{1,19}(\\.\\d{1,12})?");

    private static BigDecimal unitAmount(JsonNode price) {
        Long whole = StripeJson.number(price, "unit_amount");
        if (whole != null) return BigDecimal.valueOf(whole);
        String decimal = StripeJson.text(price, "unit_amount_decimal");
        return decimal == null || !UNIT_AMOUNT_DECIMAL.matcher(decimal).matches() ? BigDecimal.ZERO : new BigDecimal(decimal);
    }
}
