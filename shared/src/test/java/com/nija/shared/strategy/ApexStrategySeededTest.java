package com.nija.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.strategy.ApexDecision.Action;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * APEX on seeded random walks, judged at every candle after warm-up: whatever the market does, an entry is only ever
 * taken with the filter passed and three conditions held, on the side +DI/−DI gives, with its stop inside the clamp
 * and its size inside 2–8 %; an exit only on an EMA 9/21 cross. The seeds are fixed so a failure repeats.
 */
class ApexStrategySeededTest {
    private static final ApexParameters P = ApexParameters.load();
    private final ApexStrategy apex = new ApexStrategy(P);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2031, 99_991, 123_456_789})
    void everyDecisionKeepsTheRules(long seed) {
        List<Candle> candles = new Bars().randomWalk(seed, 260, 0.6).candles();
        int entries = 0;

        for (int n = 100; n <= candles.size(); n++) {
            ApexDecision d = apex.evaluate("ETH-USD", candles.subList(0, n));
            if (d.action() == Action.BUY || d.action() == Action.SELL) {
                entries++;
                assertThat(d.conditionsHeld()).as("%s", d).isGreaterThanOrEqualTo(P.minConditions());
                assertThat(d.indicators().get("adx14").doubleValue()).isGreaterThanOrEqualTo(P.adxFloor());
                assertThat(d.indicators().get("volume").doubleValue())
                        .isGreaterThanOrEqualTo(P.volumeFilterRatio() * d.indicators().get("volumeAverage20").doubleValue() - 1e-6);
                boolean longSide = d.indicators().get("plusDi").compareTo(d.indicators().get("minusDi")) > 0;
                assertThat(d.action()).isEqualTo(longSide ? Action.BUY : Action.SELL);
                double stopPercent = Math.abs(d.entry().doubleValue() - d.stop().doubleValue()) / d.entry().doubleValue() * 100;
                assertThat(stopPercent).isBetween(P.stopMinPercent() - 1e-6, P.stopMaxPercent() + 1e-6);
                assertThat(d.sizePercent().doubleValue()).isBetween(P.sizeMinPercent(), P.sizeMaxPercent());
            } else if (d.action() == Action.EXIT) {
                assertThat(d.indicators().get("ema9")).isLessThan(d.indicators().get("ema21"));
            }
        }
        assertThat(entries).as("entries are rare but possible; this only bounds them").isLessThan(candles.size() / 2);
    }
}
