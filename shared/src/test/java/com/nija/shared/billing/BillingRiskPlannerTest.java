package com.nija.shared.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.account.BotState;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.account.TierLimits;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.engine.OrderPlan;
import com.nija.shared.engine.QuantityType;
import com.nija.shared.engine.RiskPlanner;
import com.nija.shared.engine.Signal;
import com.nija.shared.engine.SignalAction;
import com.nija.shared.engine.TraderState;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderType;
import com.nija.shared.settings.RiskSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine under billing: the new tier's limits after a plan change, and the stop once a grace period is over. */
class BillingRiskPlannerTest {
    private static final Instant NOW = Instant.parse("2027-01-10T10:00:00Z");
    private static final TierCatalog TIERS = new TierCatalog();
    private static final Map<String, BigDecimal> PRICES = Map.of("BTC-USD", new BigDecimal("50000"),
            "ETH-USD", new BigDecimal("2500"), "SOL-USD", new BigDecimal("150"), "ADA-USD", new BigDecimal("0.5"),
            "XRP-USD", new BigDecimal("0.6"), "DOGE-USD", new BigDecimal("0.1"));

    private static ProfileItem profile(String tier) {
        return new ProfileItem(Keys.user("u1"), Keys.PROFILE, "u1", "Trader", tier, "active", BotState.RUNNING.name(),
                new BigDecimal("100000"), 0L, NOW, NOW, 1L);
    }

    private static RiskSettings settings() {
        return new RiskSettings(new BigDecimal("10"), 50, new BigDecimal("5000"), List.of(), null, null, true, true,
                List.of(), 1L, NOW);
    }

    private static PositionItem open(String symbol) {
        return new PositionItem(Keys.user("u1"), Keys.position("p-" + symbol), "p-" + symbol, "u1", symbol, "LONG",
                BigDecimal.ONE, PRICES.get(symbol), "OPEN", NOW.minus(Duration.ofHours(1)), null, null, null,
                BigDecimal.ZERO, null, null, Keys.openBySymbol(symbol), "u1#p-" + symbol, null, null, null, null);
    }

    private static Signal signal(SignalAction action, String symbol, String usd) {
        return new Signal("sig-" + symbol + action, "src", "trend", symbol, action, OrderType.MARKET, null, null, null,
                usd == null ? null : QuantityType.USD, usd == null ? null : new BigDecimal(usd), null, NOW, NOW);
    }

    private static TraderState state(String tier, List<PositionItem> open, BillingStanding billing) {
        TierLimits limits = TIERS.limits(tier);
        return new TraderState(profile(tier), settings(), limits, open, BigDecimal.ZERO, BigDecimal.ZERO, PRICES, billing);
    }

    private static BillingStanding standing(String status, Instant graceEndsAt, Instant now) {
        return BillingStanding.of(new BillingAccountItem(Keys.user("u1"), Keys.BILLING, "u1", "cus_1", "sub_1", status,
                "price_1", "month", "pro", null, null, NOW.plus(Duration.ofDays(20)), false, null, null,
                graceEndsAt == null ? null : graceEndsAt.minus(Duration.ofDays(3)), graceEndsAt, "failed", null, null,
                NOW, 1L), now);
    }

    @Test
    @DisplayName("after a downgrade to basic, a 6th position is refused: basic allows 5 open positions (pro allowed 10)")
    void maxOpenPositionsOfTheNewTier() {
        List<PositionItem> five = new ArrayList<>();
        for (String s : List.of("BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "XRP-USD")) five.add(open(s));
        Signal sixth = signal(SignalAction.BUY, "DOGE-USD", "100");

        OrderPlan asPro = RiskPlanner.plan(sixth, state("pro", five, BillingStanding.UNRESTRICTED), Optional.empty());
        OrderPlan asBasic = RiskPlanner.plan(sixth, state("basic", five, BillingStanding.UNRESTRICTED), Optional.empty());

        assertThat(asPro.refused()).isFalse();
        assertThat(asBasic.refusal()).isEqualTo("max open positions (5) reached");
    }

    @Test
    @DisplayName("a $5,000 buy is capped at the tier's max position: $500 on basic, $2,000 on pro")
    void maxPositionUsdOfTheNewTier() {
        Signal big = signal(SignalAction.BUY, "BTC-USD", "5000");

        OrderPlan basic = RiskPlanner.plan(big, state("basic", List.of(), BillingStanding.UNRESTRICTED), Optional.empty());
        OrderPlan pro = RiskPlanner.plan(big, state("pro", List.of(), BillingStanding.UNRESTRICTED), Optional.empty());

        assertThat(basic.notional()).isEqualByComparingTo("500.00");
        assertThat(pro.notional()).isEqualByComparingTo("2000.00");
    }

    @Test
    @DisplayName("past due within the grace period: new orders still go through")
    void withinGrace() {
        BillingStanding billing = standing("past_due", NOW.plusSeconds(1), NOW);

        OrderPlan plan = RiskPlanner.plan(signal(SignalAction.BUY, "BTC-USD", "100"), state("pro", List.of(), billing),
                Optional.empty());

        assertThat(billing.newOrdersStopped()).isFalse();
        assertThat(plan.refused()).isFalse();
    }

    @Test
    @DisplayName("past due beyond the grace period: a new position is refused with \"subscription past due\"")
    void pastGrace() {
        BillingStanding billing = standing("past_due", NOW, NOW);

        OrderPlan plan = RiskPlanner.plan(signal(SignalAction.BUY, "BTC-USD", "100"), state("pro", List.of(), billing),
                Optional.empty());

        assertThat(plan.refusal()).isEqualTo("subscription past due");
    }

    @Test
    @DisplayName("past due beyond the grace period: exits and closes still go through, billing never traps a position")
    void exitsStillAllowed() {
        BillingStanding billing = standing("unpaid", NOW.minus(Duration.ofDays(1)), NOW);
        TraderState s = state("pro", List.of(open("BTC-USD")), billing);

        OrderPlan exit = RiskPlanner.plan(signal(SignalAction.EXIT, "BTC-USD", null), s, Optional.empty());
        OrderPlan sell = RiskPlanner.plan(signal(SignalAction.SELL, "BTC-USD", null), s, Optional.empty());
        OrderPlan manual = RiskPlanner.planClose("BTC-USD", s);

        assertThat(exit.intent()).isEqualTo(OrderIntent.CLOSE);
        assertThat(sell.intent()).isEqualTo(OrderIntent.CLOSE);
        assertThat(manual.intent()).isEqualTo(OrderIntent.CLOSE);
    }
}
