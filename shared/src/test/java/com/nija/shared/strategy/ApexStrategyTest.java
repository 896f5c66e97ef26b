package com.nija.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.strategy.ApexDecision.Action;
import com.nija.shared.strategy.ApexDecision.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** APEX's rules on hand-built series: warm-up, the market filter, the 3-of-5 entry, the stop, ladder and size, the exit. */
class ApexStrategyTest {
    private static final ApexParameters P = ApexParameters.load();
    private final ApexStrategy apex = new ApexStrategy(P);

    /** 140 bars of an uptrend with pull-backs (two +0.4 % bars, one −0.35 %), volume 100. */
    private static Bars uptrend() {
        return new Bars().repeat(140, 100, 0.4, 0.4, -0.35);
    }

    /** A bearish bar, then a bullish bar engulfing it on {@code volume}. */
    private static Bars withBullishEngulfing(Bars bars, double volume) {
        bars.bar(-0.3, 0.05, 100);
        double prevOpen = bars.candles().get(bars.candles().size() - 1).open().doubleValue();
        double open = bars.last() * 0.9995;
        double close = prevOpen * 1.002;
        return bars.bar(open, close, close * 1.0005, open * 0.9995, volume);
    }

    @Test
    @DisplayName("fewer than 100 candles decide nothing")
    void warmUp() {
        List<Candle> candles = uptrend().candles().subList(0, 99);

        ApexDecision decision = apex.evaluate("BTC-USD", candles);

        assertThat(decision.action()).isEqualTo(Action.NONE);
        assertThat(decision.reason()).isEqualTo(Reason.WARMING_UP);
    }

    @Test
    @DisplayName("a bullish engulfing on high volume in an uptrend is a long entry with its stop, ladder and size")
    void entry() {
        Bars bars = withBullishEngulfing(uptrend(), 300);

        ApexDecision d = apex.evaluate("BTC-USD", bars.candles());

        assertThat(d.action()).as("%s", d).isEqualTo(Action.BUY);
        assertThat(d.side()).isEqualTo("long");
        assertThat(d.conditionsHeld()).isGreaterThanOrEqualTo(3);
        assertThat(d.conditions()).containsEntry("reversalCandle", true).containsEntry("volumeConfirmation", true);
        assertThat(d.indicators().get("plusDi")).isGreaterThan(d.indicators().get("minusDi"));
        assertThat(d.indicators().get("adx14").doubleValue()).isGreaterThanOrEqualTo(P.adxFloor());
        double entry = d.entry().doubleValue();
        assertThat(entry).isEqualTo(bars.last(), org.assertj.core.data.Offset.offset(1e-6));
        double stopPercent = (entry - d.stop().doubleValue()) / entry * 100;
        assertThat(stopPercent).isBetween(0.4 - 1e-9, 0.7 + 1e-9);
        assertThat(d.targets()).hasSize(3);
        assertThat(d.targets().get(0).doubleValue()).isCloseTo(entry * 1.015, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d.targets().get(2).doubleValue()).isCloseTo(entry * 1.04, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d.sizePercent()).isBetween(new BigDecimal("2"), new BigDecimal("8"));
        assertThat(d.candleClose()).isEqualTo(bars.lastCandle().openTime().plus(Duration.ofMinutes(5)));
        assertThat(d.version()).isEqualTo("7.1");
    }

    @Test
    @DisplayName("the same setup on a candle with a tenth of the average volume is filtered out")
    void volumeFilter() {
        Bars bars = withBullishEngulfing(uptrend(), 10);

        ApexDecision d = apex.evaluate("BTC-USD", bars.candles());

        assertThat(d.action()).isEqualTo(Action.NONE);
        assertThat(d.reason()).isEqualTo(Reason.VOLUME_BELOW_AVERAGE);
        assertThat(d.conditions()).containsEntry("reversalCandle", true);
    }

    @Test
    @DisplayName("a market going sideways (ADX under its floor) gets no entry, even on a high-volume engulfing bar")
    void adxFilter() {
        Bars bars = withBullishEngulfing(new Bars().repeat(140, 100, 0.3, 0.3, -0.3, -0.3), 300);

        ApexDecision d = apex.evaluate("BTC-USD", bars.candles());

        assertThat(d.action()).as("%s", d).isEqualTo(Action.NONE);
        assertThat(d.reason()).isEqualTo(Reason.ADX_BELOW_FLOOR);
        assertThat(d.indicators().get("adx14").doubleValue()).isLessThan(P.adxFloor());
    }

    @Test
    @DisplayName("an uptrend that rolls over quietly exits on the bar where EMA 9 crosses under EMA 21")
    void exitOnCross() {
        Bars bars = uptrend().repeat(15, 20, -0.25, -0.2);
        List<Candle> candles = bars.candles();

        ApexDecision exit = null;
        int at = -1;
        for (int n = 141; n <= candles.size() && exit == null; n++) {
            ApexDecision d = apex.evaluate("BTC-USD", candles.subList(0, n));
            assertThat(d.action()).as("bar %d: %s", n, d).isIn(Action.NONE, Action.EXIT);
            if (d.action() == Action.EXIT) {
                exit = d;
                at = n;
            }
        }

        assertThat(exit).as("an exit within 15 falling bars").isNotNull();
        assertThat(exit.reason()).isEqualTo(Reason.EMA_CROSS);
        assertThat(exit.indicators().get("ema9")).isLessThan(exit.indicators().get("ema21"));
        ApexDecision before = apex.evaluate("BTC-USD", candles.subList(0, at - 1));
        assertThat(before.indicators().get("ema9")).isGreaterThanOrEqualTo(before.indicators().get("ema21"));
    }
}
