package com.nija.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.marketdata.Candle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming series a backtest feeds decides exactly what {@link ApexStrategy#evaluate} decides on the whole
 * history up to each candle, past the point where it starts dropping its oldest bars.
 */
class ApexSeriesTest {
    private final ApexStrategy apex = new ApexStrategy(ApexParameters.load());

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 42})
    void sameDecisionsAsEvaluate(long seed) {
        List<Candle> candles = new Bars().randomWalk(seed, 620, 0.6).candles();
        ApexStrategy.Series series = apex.series("ETH-USD");
        int signals = 0;
        for (int n = 1; n <= candles.size(); n++) {
            series.add(candles.get(n - 1));
            ApexDecision expected = apex.evaluate("ETH-USD", candles.subList(0, n));

            ApexDecision streamed = series.signal();

            if (expected.action() == ApexDecision.Action.NONE) {
                assertThat(streamed).as("candle %d", n).isNull();
            } else {
                signals++;
                assertThat(streamed).as("candle %d", n).isEqualTo(expected);
            }
            assertThat(series.decide()).isEqualTo(expected);
        }
        assertThat(signals).as("the walk makes APEX act").isPositive();
    }
}
