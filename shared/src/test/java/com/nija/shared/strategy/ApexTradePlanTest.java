package com.nija.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.strategy.ApexDecision.Action;
import com.nija.shared.strategy.ApexDecision.Reason;
import com.nija.shared.strategy.ApexTradePlan.Exit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The exits of an APEX long entered at 100 with its stop at 99.5, hand-computed bar by bar. */
class ApexTradePlanTest {
    private static final ApexParameters P = ApexParameters.load();

    private static ApexTradePlan longAt100() {
        ApexDecision entry = new ApexDecision("BTC-USD", Instant.parse("2031-06-16T12:00:00Z"), Action.BUY,
                Reason.ENTRY, "long", Map.of(), Map.of(), new BigDecimal("100"), new BigDecimal("99.5"),
                List.of(new BigDecimal("101.5"), new BigDecimal("102.5"), new BigDecimal("104")), new BigDecimal("5"),
                "7.1");
        return new ApexTradePlan(entry, P);
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    @DisplayName("first target closes 33 % and moves the stop to breakeven; a return to entry closes the rest there")
    void breakevenAfterFirstTarget() {
        ApexTradePlan plan = longAt100();

        assertThat(plan.onBar(d("100.8"), d("99.8"), d("0.5"))).isEmpty();
        List<Exit> first = plan.onBar(d("101.6"), d("100.9"), d("0.5"));
        List<Exit> back = plan.onBar(d("101.0"), d("99.9"), d("0.5"));

        assertThat(first).containsExactly(new Exit("target1", d("101.5"), d("0.33")));
        assertThat(back).containsExactly(new Exit("breakeven", d("100"), d("0.67")));
        assertThat(plan.closed()).isTrue();
    }

    @Test
    @DisplayName("after the second target a 1.2 ATR trailing stop follows the high and closes the last 34 %")
    void trailingAfterSecondTarget() {
        ApexTradePlan plan = longAt100();

        List<Exit> both = plan.onBar(d("102.6"), d("100.5"), d("0.5"));
        assertThat(plan.stop()).isEqualByComparingTo("102.0");      // 102.6 − 1.2 × 0.5
        plan.onBar(d("103.5"), d("102.8"), d("0.5"));
        assertThat(plan.stop()).isEqualByComparingTo("102.9");      // follows the new high
        plan.onBar(d("103.2"), d("103.0"), d("1.0"));
        assertThat(plan.stop()).as("never loosens").isEqualByComparingTo("102.9");
        List<Exit> trailed = plan.onBar(d("103.1"), d("102.7"), d("0.5"));

        assertThat(both).containsExactly(new Exit("target1", d("101.5"), d("0.33")),
                new Exit("target2", d("102.5"), d("0.33")));
        assertThat(trailed).containsExactly(new Exit("trailing", d("102.90000000"), d("0.34")));
        assertThat(plan.closed()).isTrue();
    }

    @Test
    @DisplayName("a bar through the stop before any target closes everything at the stop")
    void stoppedOut() {
        ApexTradePlan plan = longAt100();

        List<Exit> exits = plan.onBar(d("101.6"), d("99.4"), d("0.5"));

        assertThat(exits).containsExactly(new Exit("stop", d("99.5"), BigDecimal.ONE));
    }
}
