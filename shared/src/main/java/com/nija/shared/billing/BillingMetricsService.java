package com.nija.shared.billing;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MRR, ARR, subscribers by tier and status, new, churned, ARPU and failed payments for a month, from the stored
 * subscription states and failed-payment records. Past months are rebuilt from each subscription's start, end and
 * trial dates; past_due spells and plan changes before the latest state are not kept, so a past month counts a
 * subscription at its latest price and as active (Stripe's own reports remain the ledger of record).
 */
@Singleton
public class BillingMetricsService {
    private final BillingStore store;
    private final Clock clock;

    public BillingMetricsService(BillingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param month {@code YYYY-MM}; null means the current month */
    public BillingMetrics metrics(String month) {
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        YearMonth ym = BillingMonth.parse(month, current);
        Instant start = ym.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = ym.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        boolean isCurrent = ym.equals(current);
        Instant asOf = isCurrent ? now : end.minusMillis(1);

        List<SubscriptionStateItem> all = store.allSubscriptions();
        Map<String, Map<String, Integer>> byTierStatus = new TreeMap<>();
        Map<String, BigDecimal> mrr = new TreeMap<>();
        Map<String, Integer> payingByCurrency = new TreeMap<>();
        int active = 0;
        int paying = 0;
        int payingAtStart = 0;
        int started = 0;
        int churned = 0;
        for (SubscriptionStateItem s : all) {
            if (liveAt(s, asOf)) {
                String status = statusAt(s, asOf, isCurrent);
                String tier = s.entitledTier() == null ? "free" : s.entitledTier();
                byTierStatus.computeIfAbsent(tier, t -> new TreeMap<>()).merge(status, 1, Integer::sum);
                active++;
                if (BillingRules.PAYING.contains(status) && s.currency() != null && s.monthlyAmount() != null) {
                    paying++;
                    mrr.merge(s.currency(), s.monthlyAmount(), BigDecimal::add);
                    payingByCurrency.merge(s.currency(), 1, Integer::sum);
                }
            }
            if (liveAt(s, start.minusMillis(1)) && BillingRules.PAYING.contains(statusAt(s, start.minusMillis(1), false))) {
                payingAtStart++;
            }
            Instant began = began(s);
            if (began != null && !began.isBefore(start) && began.isBefore(end) && everLive(s)) started++;
            if (s.endedAt() != null && !s.endedAt().isBefore(start) && s.endedAt().isBefore(end)
                    && "canceled".equals(s.status()) && !endedInTrial(s) && everLive(s)) {
                churned++;
            }
        }
        List<BillingMetrics.Revenue> revenue = new ArrayList<>();
        mrr.forEach((currency, sum) -> {
            int digits = StripeJson.fractionDigits(currency);
            BigDecimal monthly = sum.setScale(digits, RoundingMode.HALF_EVEN);
            int count = payingByCurrency.get(currency);
            revenue.add(new BillingMetrics.Revenue(currency, monthly,
                    sum.multiply(BigDecimal.valueOf(12)).setScale(digits, RoundingMode.HALF_EVEN),
                    sum.divide(BigDecimal.valueOf(count), digits, RoundingMode.HALF_EVEN), count));
        });
        BigDecimal churnRate = payingAtStart == 0 ? null
                : BigDecimal.valueOf(churned).divide(BigDecimal.valueOf(payingAtStart), 4, RoundingMode.HALF_EVEN);
        return new BillingMetrics(ym.toString(), asOf, revenue, byTierStatus, active, paying, started, churned,
                payingAtStart, churnRate, failedPayments(ym));
    }

    private BillingMetrics.FailedPayments failedPayments(YearMonth month) {
        List<PaymentFailureItem> failures = store.paymentFailures(month);
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        for (PaymentFailureItem f : failures) {
            if (f.currency() != null && f.amountDue() != null) byCurrency.merge(f.currency(), f.amountDue(), BigDecimal::add);
        }
        List<BillingMetrics.Amount> amounts = new ArrayList<>();
        byCurrency.forEach((c, a) -> amounts.add(new BillingMetrics.Amount(c, a)));
        return new BillingMetrics.FailedPayments(failures.size(), amounts);
    }

    private static Instant began(SubscriptionStateItem s) {
        return s.startedAt() != null ? s.startedAt() : s.createdAt();
    }

    /** A subscription that never became active (its first payment never succeeded) counts nowhere. */
    private static boolean everLive(SubscriptionStateItem s) {
        return !"incomplete".equals(s.status()) && !"incomplete_expired".equals(s.status());
    }

    private static boolean liveAt(SubscriptionStateItem s, Instant t) {
        Instant began = began(s);
        return everLive(s) && began != null && !began.isAfter(t) && (s.endedAt() == null || s.endedAt().isAfter(t));
    }

    private static String statusAt(SubscriptionStateItem s, Instant t, boolean current) {
        if (current && s.endedAt() == null) return s.status();
        if (s.trialEnd() != null && s.trialEnd().isAfter(t)) return "trialing";
        return "active";
    }

    private static boolean endedInTrial(SubscriptionStateItem s) {
        return s.trialEnd() != null && s.endedAt() != null && !s.endedAt().isAfter(s.trialEnd());
    }
}
