package com.nija.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.exits.ExitRules;
import com.nija.shared.exits.PositionExits;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.strategy.ApexDecision.Action;
import com.nija.shared.strategy.ApexDecision.Reason;
import com.nija.shared.strategy.ApexTradePlan.Exit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's exit rules and {@link ApexTradePlan} (the backtests' reference) read the same price path the same way:
 * the same exits, at the same levels, of the same shares, for APEX's plan as its scan sends it. Each price is a bar
 * whose high and low are that price, which is what the engine sees of a tick.
 */
class ApexExitsMatchTradePlanTest {
    private static final ApexParameters P = ApexParameters.load();
    private static final BigDecimal ATR = new BigDecimal("0.5");

    /** What happened at one price: the exits as {@link ApexTradePlan} names them. */
    static List<Exit> engineExits(PositionExits plan, boolean isLong, BigDecimal entry, ExitRules.State[] state,
                                  BigDecimal price, BigDecimal[] open) {
        ExitRules.State before = state[0];
        ExitRules.Step step = ExitRules.onPrice(plan, isLong, entry, before, price);
        List<Exit> exits = new ArrayList<>();
        for (int rung : step.scaleOuts()) {
            BigDecimal fraction = plan.fractions().get(rung - 1);
            exits.add(new Exit("target" + rung, plan.targets().get(rung - 1), fraction));
            open[0] = open[0].subtract(fraction);
        }
        if (step.close() == OrderTrigger.TAKE_PROFIT) {
            exits.add(new Exit("target" + plan.rungs(), plan.targets().get(plan.rungs() - 1), open[0]));
            open[0] = BigDecimal.ZERO;
        } else if (step.close() == OrderTrigger.STOP_LOSS) {
            int rungs = before.rungsDone();
            exits.add(new Exit(rungs == 0 ? "stop" : rungs == 1 ? "breakeven" : "trailing", before.stop(), open[0]));
            open[0] = BigDecimal.ZERO;
        }
        state[0] = step.next();
        return exits;
    }

    /** APEX's exit plan as its scan sends it, resolved at the entry. */
    static PositionExits apexPlan(ApexDecision d) {
        return PositionExits.resolve(ApexTradePlan.exitPlan(d, P, ATR), d.action() == Action.BUY, d.entry(),
                BigDecimal.ONE, BigDecimal.ZERO);
    }

    static ApexDecision entry(boolean isLong) {
        List<BigDecimal> targets = P.targets().stream()
                .map(t -> new BigDecimal("100").multiply(BigDecimal.ONE.add(t.percent().movePointLeft(2)
                        .multiply(BigDecimal.valueOf(isLong ? 1 : -1))))).toList();
        return new ApexDecision("BTC-USD", Instant.EPOCH, isLong ? Action.BUY : Action.SELL, Reason.ENTRY,
                isLong ? "long" : "short", Map.of(), Map.of(), new BigDecimal("100"),
                new BigDecimal(isLong ? "99.4" : "100.6"), targets, new BigDecimal("5"), P.version());
    }

    @Test
    @DisplayName("over 400 seeded random paths, longs and shorts, the engine's rules exit exactly where ApexTradePlan does")
    void sameExits() {
        int trailed = 0;
        int laddered = 0;
        for (int seed = 1; seed <= 400; seed++) {
            Random random = new Random(seed);
            boolean isLong = seed % 2 == 0;
            ApexDecision decision = entry(isLong);
            ApexTradePlan reference = new ApexTradePlan(decision, P);
            PositionExits plan = apexPlan(decision);
            ExitRules.State[] state = {new ExitRules.State(0, decision.stop())};
            BigDecimal[] open = {BigDecimal.ONE};
            List<Exit> expected = new ArrayList<>();
            List<Exit> actual = new ArrayList<>();
            BigDecimal price = decision.entry();
            for (int tick = 0; tick < 400 && !reference.closed(); tick++) {
                price = price.add(BigDecimal.valueOf(random.nextGaussian() * 0.15 + (isLong ? 0.02 : -0.02)))
                        .setScale(2, RoundingMode.HALF_UP);
                expected.addAll(reference.onBar(price, price, ATR));
                actual.addAll(engineExits(plan, isLong, decision.entry(), state, price, open));
            }
            assertThat(normalized(actual)).as("seed %d", seed).isEqualTo(normalized(expected));
            if (expected.stream().anyMatch(e -> e.why().equals("trailing"))) trailed++;
            if (expected.stream().anyMatch(e -> e.why().equals("target3"))) laddered++;
        }
        assertThat(trailed).as("paths a trailing stop closed").isGreaterThan(20);
        assertThat(laddered).as("paths that reached the last target").isGreaterThan(5);
    }

    static List<Exit> normalized(List<Exit> exits) {
        return exits.stream().map(e -> new Exit(e.why(), e.price().stripTrailingZeros(),
                e.fraction().stripTrailingZeros())).toList();
    }
}
