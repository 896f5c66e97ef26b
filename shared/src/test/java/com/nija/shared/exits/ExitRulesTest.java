package com.nija.shared.exits;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.exits.ExitRules.State;
import com.nija.shared.exits.ExitRules.Step;
import com.nija.shared.order.OrderTrigger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exit rules one price at a time: hand-worked cases, and invariants over seeded random price paths. */
class ExitRulesTest {
    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** Long entered at 100: targets 101 / 102 / 104 (25 / 25 / 50 %), breakeven after 1, a 1.00 trail after 2. */
    static final PositionExits LONG = new PositionExits(List.of(d("101"), d("102"), d("104")),
            List.of(d("0.25"), d("0.25"), d("0.5")), d("4"), d("0.4"), 1, new ExitPlan.Trailing(null, d("1.00"), 2));
    /** The same ladder for a short entered at 100: targets below. */
    static final PositionExits SHORT = new PositionExits(List.of(d("99"), d("98"), d("96")),
            List.of(d("0.25"), d("0.25"), d("0.5")), d("4"), d("0.4"), 1, new ExitPlan.Trailing(null, d("1.00"), 2));

    static Stream<Arguments> cases() {
        return Stream.of(
                // side, plan, state before (rungs, stop), price → rungs after, stop after, scale-outs, close
                Arguments.of(true, LONG, 0, "95", "100.9", 0, "95", List.of(), null),
                Arguments.of(true, LONG, 0, "95", "101", 1, "100", List.of(1), null),
                Arguments.of(true, LONG, 0, "95", "102.5", 2, "101.5", List.of(1, 2), null),
                Arguments.of(true, LONG, 0, "95", "104", 3, "100", List.of(1, 2), OrderTrigger.TAKE_PROFIT),
                Arguments.of(true, LONG, 2, "101.5", "103.2", 2, "102.2", List.of(), null),
                Arguments.of(true, LONG, 2, "102.2", "102.9", 2, "102.2", List.of(), null),
                Arguments.of(true, LONG, 2, "102.2", "102.2", 2, "102.2", List.of(), OrderTrigger.STOP_LOSS),
                Arguments.of(true, LONG, 1, "100", "99.99", 1, "100", List.of(), OrderTrigger.STOP_LOSS),
                Arguments.of(false, SHORT, 0, "105", "99", 1, "100", List.of(1), null),
                Arguments.of(false, SHORT, 1, "100", "97.5", 2, "98.5", List.of(2), null),
                Arguments.of(false, SHORT, 2, "98.5", "98.5", 2, "98.5", List.of(), OrderTrigger.STOP_LOSS),
                Arguments.of(false, SHORT, 2, "98.5", "95", 3, "98.5", List.of(), OrderTrigger.TAKE_PROFIT));
    }

    @ParameterizedTest(name = "{0} long? rungs {2}, stop {3}, price {4} → rungs {5}, stop {6}, scale-outs {7}, close {8}")
    @MethodSource("cases")
    @DisplayName("one price: a crossed stop closes first; reached targets scale out in order; breakeven and trail tighten")
    void onePrice(boolean isLong, PositionExits plan, int rungs, String stop, String price, int rungsAfter,
                  String stopAfter, List<Integer> scaleOuts, OrderTrigger close) {
        Step step = ExitRules.onPrice(plan, isLong, d("100"), new State(rungs, d(stop)), d(price));

        assertThat(step.next().rungsDone()).isEqualTo(rungsAfter);
        assertThat(step.next().stop()).isEqualByComparingTo(stopAfter);
        assertThat(step.scaleOuts()).isEqualTo(scaleOuts);
        assertThat(step.close()).isEqualTo(close);
    }

    @Test
    @DisplayName("a trailing stop from the entry (after 0) with no stop of its own starts at the first price less its percentage")
    void trailingFromEntry() {
        PositionExits trailOnly = new PositionExits(List.of(), List.of(), d("1"), d("0"), null,
                new ExitPlan.Trailing(d("2"), null, 0));

        Step first = ExitRules.onPrice(trailOnly, true, d("100"), new State(0, null), d("100"));
        Step higher = ExitRules.onPrice(trailOnly, true, d("100"), first.next(), d("110"));
        Step back = ExitRules.onPrice(trailOnly, true, d("100"), higher.next(), d("107.8"));

        assertThat(first.next().stop()).isEqualByComparingTo("98");
        assertThat(higher.next().stop()).isEqualByComparingTo("107.8");
        assertThat(back.close()).isEqualTo(OrderTrigger.STOP_LOSS);
    }

    @Test
    @DisplayName("over 500 seeded random paths: the stop never loosens, rungs are reached once each in order, nothing after a close")
    void invariantsOverRandomPaths() {
        int closedByStop = 0;
        int closedByTarget = 0;
        for (int seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            boolean isLong = random.nextBoolean();
            PositionExits plan = isLong ? LONG : SHORT;
            State state = new State(0, d(isLong ? "97" : "103"));
            List<Integer> scaled = new ArrayList<>();
            BigDecimal price = d("100");
            OrderTrigger closed = null;
            for (int tick = 0; tick < 300 && closed == null; tick++) {
                price = price.add(BigDecimal.valueOf(random.nextGaussian() * 0.4 + (isLong ? 0.03 : -0.03)))
                        .setScale(2, RoundingMode.HALF_UP);
                Step step = ExitRules.onPrice(plan, isLong, d("100"), state, price);
                if (step.close() == null) {
                    int c = step.next().stop().compareTo(state.stop());
                    assertThat(isLong ? c >= 0 : c <= 0).as("seed %d: the stop never loosens", seed).isTrue();
                    assertThat(step.next().stop().compareTo(price) != 0 && (isLong
                            == step.next().stop().compareTo(price) < 0)).as("seed %d: an open position's stop stays on its side", seed).isTrue();
                }
                assertThat(step.next().rungsDone()).isGreaterThanOrEqualTo(state.rungsDone());
                scaled.addAll(step.scaleOuts());
                closed = step.close();
                state = step.next();
            }
            assertThat(scaled).as("seed %d: each rung once, in order", seed).isSortedAccordingTo(Integer::compare)
                    .doesNotHaveDuplicates().allSatisfy(r -> assertThat(r).isBetween(1, plan.rungs() - 1));
            if (closed == OrderTrigger.STOP_LOSS) closedByStop++;
            if (closed == OrderTrigger.TAKE_PROFIT) {
                closedByTarget++;
                assertThat(scaled).containsExactly(1, 2);
            }
        }
        assertThat(closedByStop).as("paths closed by a stop").isGreaterThan(50);
        assertThat(closedByTarget).as("paths that reached the last target").isGreaterThan(20);
    }
}
