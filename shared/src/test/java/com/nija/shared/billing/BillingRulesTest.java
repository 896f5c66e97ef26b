package com.nija.shared.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.data.Keys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pure billing rules: ordering of subscription states and what a trader's view becomes. */
class BillingRulesTest {
    private static final Instant T = Instant.parse("2027-01-10T10:00:00Z");
    private static final Instant END = T.plus(Duration.ofDays(30));
    private static final Duration GRACE = Duration.ofDays(3);

    private static BillingRules.Plan plan(String tier) {
        return new BillingRules.Plan(tier, "price_" + tier, "month", 1, "usd", new BigDecimal("49"), true);
    }

    private static StripeObjects.Subscription sub(String status, Instant periodStart, Instant periodEnd) {
        return new StripeObjects.Subscription("sub_1", "cus_1", status, List.of(), false, null, null, null, null, null,
                periodStart, periodEnd, T, T, "usd", false, null, null);
    }

    private static int rank(String tier) {
        return switch (tier) {
            case "basic" -> 1;
            case "pro" -> 2;
            case "enterprise" -> 3;
            default -> 0;
        };
    }

    private static SubscriptionStateItem apply(SubscriptionStateItem stored, String status, String tier, Instant at,
                                               int rank, Instant periodStart) {
        return BillingRules.next(sub(status, periodStart, periodStart.plus(Duration.ofDays(30))), plan(tier), stored,
                "evt", at, rank, "u1", at, BillingRulesTest::rank);
    }

    @Test
    @DisplayName("a later event is newer; in the same second updated beats created and deleted beats updated")
    void ordering() {
        SubscriptionStateItem created = apply(null, "active", "pro", T, BillingRules.CREATED, T);
        long sameSecondUpdated = BillingRules.stateKey(T, BillingRules.UPDATED);
        long earlierUpdated = BillingRules.stateKey(T.minusSeconds(1), BillingRules.UPDATED);

        assertThat(BillingRules.newer(created, sameSecondUpdated, 0, false)).isTrue();
        assertThat(BillingRules.newer(created, earlierUpdated, Long.MAX_VALUE, false)).isFalse();
        SubscriptionStateItem deleted = apply(created, "canceled", "pro", T, BillingRules.DELETED, T);
        assertThat(BillingRules.newer(deleted, BillingRules.stateKey(T.plusSeconds(60), BillingRules.UPDATED), 0, false))
                .as("nothing but a later deletion replaces a canceled subscription").isFalse();
    }

    @Test
    @DisplayName("an upgrade is entitled now; a downgrade in the same period is pending until the period end")
    void upgradeAndDowngrade() {
        SubscriptionStateItem basic = apply(null, "active", "basic", T, BillingRules.CREATED, T);
        SubscriptionStateItem pro = apply(basic, "active", "pro", T.plusSeconds(10), BillingRules.UPDATED, T);
        SubscriptionStateItem back = apply(pro, "active", "basic", T.plusSeconds(20), BillingRules.UPDATED, T);
        SubscriptionStateItem renewed = apply(back, "active", "basic", END, BillingRules.UPDATED, END);

        assertThat(pro.entitledTier()).isEqualTo("pro");
        assertThat(back.entitledTier()).isEqualTo("pro");
        assertThat(back.pendingTier()).isEqualTo("basic");
        assertThat(back.pendingTierAt()).isEqualTo(END);
        assertThat(renewed.entitledTier()).isEqualTo("basic");
        assertThat(renewed.pendingTier()).isNull();
    }

    @Test
    @DisplayName("past_due since the first past_due state; it carries over to unpaid and clears when active again")
    void pastDueSince() {
        SubscriptionStateItem active = apply(null, "active", "pro", T, BillingRules.CREATED, T);
        SubscriptionStateItem pastDue = apply(active, "past_due", "pro", T.plusSeconds(100), BillingRules.UPDATED, T);
        SubscriptionStateItem stillPastDue = apply(pastDue, "past_due", "pro", T.plusSeconds(200), BillingRules.UPDATED, T);
        SubscriptionStateItem unpaid = apply(stillPastDue, "unpaid", "pro", T.plusSeconds(300), BillingRules.UPDATED, T);
        SubscriptionStateItem paid = apply(unpaid, "active", "pro", T.plusSeconds(400), BillingRules.UPDATED, T);

        assertThat(pastDue.pastDueSince()).isEqualTo(T.plusSeconds(100));
        assertThat(stillPastDue.pastDueSince()).isEqualTo(T.plusSeconds(100));
        assertThat(unpaid.pastDueSince()).isEqualTo(T.plusSeconds(100));
        assertThat(paid.pastDueSince()).isNull();
    }

    @Test
    @DisplayName("the view of a past_due subscription ends its grace 3 days after the first failed payment")
    void graceFromFirstFailure() {
        SubscriptionStateItem pastDue = apply(apply(null, "active", "pro", T, BillingRules.CREATED, T), "past_due", "pro",
                T.plusSeconds(100), BillingRules.UPDATED, T);
        StripeInvoiceItem failed = new StripeInvoiceItem(Keys.stripeInvoice("in_1"), Keys.STRIPE_ITEM, "in_1", "sub_1",
                "cus_1", StripeInvoiceItem.PAYMENT_FAILED, new BigDecimal("149.00"), BigDecimal.ZERO, "usd", 1L, T,
                T.plusSeconds(50), T.plusSeconds(50), null, null, "https://invoice.example/in_1", "subscription_cycle",
                T.plusSeconds(50).getEpochSecond(), "evt", null, null, null, null, null, null);

        BillingAccountItem view = BillingRules.account("u1", List.of(pastDue), s -> Optional.of(failed), GRACE,
                T.plusSeconds(200), null);

        assertThat(view.graceEndsAt()).isEqualTo(T.plusSeconds(50).plus(GRACE));
        assertThat(BillingStanding.of(view, T.plusSeconds(50).plus(GRACE).minusMillis(1)).newOrdersStopped()).isFalse();
        assertThat(BillingStanding.of(view, T.plusSeconds(50).plus(GRACE)).newOrdersStopped()).isTrue();
        assertThat(view.hostedInvoiceUrl()).isEqualTo("https://invoice.example/in_1");
    }

    @Test
    @DisplayName("a live subscription speaks for the trader over an older canceled one")
    void primary() {
        SubscriptionStateItem old = apply(null, "canceled", "enterprise", T, BillingRules.DELETED, T);
        SubscriptionStateItem live = BillingRules.next(new StripeObjects.Subscription("sub_2", "cus_1", "active",
                List.of(), false, null, null, null, null, null, T, END, T.minusSeconds(5), T.minusSeconds(5), "usd", false,
                null, null), plan("basic"), null, "evt2", T, BillingRules.CREATED, "u1", T, BillingRulesTest::rank);

        assertThat(BillingRules.primary(List.of(old, live))).get()
                .extracting(SubscriptionStateItem::subscriptionId).isEqualTo("sub_2");
    }

    @Test
    @DisplayName("incomplete and incomplete_expired subscriptions give the free tier")
    void neverPaid() {
        SubscriptionStateItem incomplete = apply(null, "incomplete", "pro", T, BillingRules.CREATED, T);

        BillingAccountItem view = BillingRules.account("u1", List.of(incomplete), s -> Optional.empty(), GRACE, T, null);

        assertThat(view.tier()).isEqualTo("free");
        assertThat(view.status()).isEqualTo("incomplete");
    }
}
