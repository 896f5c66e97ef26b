package com.nija.functions.strategy;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleInterval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 5-minute candles ending with the one opened at {@code lastOpen}: an uptrend with pull-backs (two +0.4 % bars, one
 * −0.35 %, volume 100), then a bearish bar and a bullish bar engulfing it on three times the volume — the setup APEX
 * enters long on (see ApexStrategyTest in shared).
 */
final class ApexSetups {
    private ApexSetups() {}

    static List<Candle> longEntryEndingAt(Instant lastOpen, int count) {
        CandleInterval five = CandleInterval.FIVE_MINUTES;
        Instant first = lastOpen.minus(five.length().multipliedBy(count - 1));
        List<Candle> out = new ArrayList<>();
        double last = 100;
        double[] pattern = {0.4, 0.4, -0.35};
        for (int k = 0; k < count - 2; k++) {
            double close = last * (1 + pattern[k % 3] / 100);
            out.add(bar(first.plus(five.length().multipliedBy(k)), last, close, 100));
            last = close;
        }
        double bearishClose = last * 0.997;
        out.add(bar(first.plus(five.length().multipliedBy(count - 2)), last, bearishClose, 100));
        double open = bearishClose * 0.9995;
        double close = last * 1.002;
        out.add(new Candle(lastOpen, d(open), d(close * 1.0005), d(open * 0.9995), d(close), d(300)));
        return out;
    }

    private static Candle bar(Instant at, double open, double close, double volume) {
        return new Candle(at, d(open), d(Math.max(open, close) * 1.0005), d(Math.min(open, close) * 0.9995), d(close),
                d(volume));
    }

    private static BigDecimal d(double v) {
        return BigDecimal.valueOf(v).setScale(8, RoundingMode.HALF_UP);
    }
}
