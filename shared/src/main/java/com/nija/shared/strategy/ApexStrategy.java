package com.nija.shared.strategy;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.strategy.ApexDecision.Action;
import com.nija.shared.strategy.ApexDecision.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * NIJA's APEX strategy (v7.1; numbers from {@link ApexParameters}) judged on the newest closed candle:
 * <ol>
 *   <li>Warm-up: fewer than {@code warmupCandles} candles decide nothing.</li>
 *   <li>Market filter for entries: ADX at or above its floor, the trend side from +DI vs −DI (long when +DI is
 *       higher), and the candle's volume at least {@code volumeFilterRatio} × its 20-bar average.</li>
 *   <li>Entry on the trend's side when at least {@code minConditions} of five hold: price within
 *       {@code nearPercent} of EMA21 or VWAP; RSI in the side's band; a reversal candle in the trend's direction
 *       (engulfing the previous opposite candle, or a wick at least twice the body); MACD histogram on the side
 *       and moving that way; volume at least {@code volumeConfirmRatio} × average.</li>
 *   <li>Stop at the {@code swingBars} swing low (high) ∓ {@code stopAtrMultiple} ATR, clamped to
 *       {@code stopMinPercent}–{@code stopMaxPercent} from entry; take-profit ladder from the parameters; size from
 *       {@code sizeMinPercent} to {@code sizeMaxPercent} of equity as ADX rises from its floor to
 *       {@code sizeFullAdx}.</li>
 *   <li>Exit: an EMA 9/21 cross against a long (the fast EMA closing below the mid EMA) when no entry fires; an
 *       entry on the other side is itself the opposite signal (a sell closes a long).</li>
 * </ol>
 * Stateless and thread-confined per call: a scan evaluates markets in parallel with one instance.
 */
public final class ApexStrategy {
    /** The indicator the stop and the trailing stop are measured in (ATR 14). */
    public static final String ATR = "atr14";
    private static final int PRICE_SCALE = 8;
    private static final int STREAM_BARS = 500;

    private final ApexParameters p;

    public ApexStrategy(ApexParameters parameters) {
        this.p = parameters;
    }

    public ApexParameters parameters() {
        return p;
    }

    /** The decision on the last of {@code candles} (closed, oldest first, one interval apart). */
    public ApexDecision evaluate(String symbol, List<Candle> candles) {
        Series series = new Series(symbol, 0);
        candles.forEach(series::add);
        return series.decide();
    }

    /**
     * A series to feed candle by candle, deciding on each as it closes (a backtest): one ta4j series and one set of
     * indicators for the whole run, so each candle costs one step of every indicator instead of a rebuild of
     * {@code warmupCandles} bars. It keeps the newest {@value #STREAM_BARS} bars: far more than any indicator looks
     * back, while EMA and ADX carry their memory in their cached values as they do over a long history.
     */
    public Series series(String symbol) {
        return new Series(symbol, STREAM_BARS);
    }

    /** One market's candles, oldest first, and APEX's judgement on the newest. Not thread-safe. */
    public final class Series {
        private final String symbol;
        private final Indicators in;
        private Instant lastClose;
        private long added;

        private Series(String symbol, int maximumBars) {
            this.symbol = symbol;
            BarSeries bars = new BaseBarSeriesBuilder().withName(symbol).withNumTypeOf(DoubleNum::valueOf).build();
            if (maximumBars > 0) bars.setMaximumBarCount(maximumBars);
            this.in = new Indicators(bars);
        }

        /** Appends the next closed candle (one interval after the previous). */
        public void add(Candle c) {
            lastClose = c.closeTime(p.candleInterval());
            in.series.addBar(p.candleInterval().length(), lastClose.atZone(ZoneOffset.UTC), c.open(), c.high(), c.low(),
                    c.close(), c.volume());
            added++;
        }

        /** The decision on the newest candle, with its explanation. */
        public ApexDecision decide() {
            if (added < p.warmupCandles()) return none(Reason.WARMING_UP, null);
            Verdict v = verdict();
            return explain(v);
        }

        /**
         * The decision on the newest candle when it is an entry or an exit, else null: a backtest skips building the
         * explanation of the many candles that decide nothing.
         */
        public ApexDecision signal() {
            if (added < p.warmupCandles()) return null;
            Verdict v = verdict();
            return v.action == Action.NONE ? null : explain(v);
        }

        /** ATR on the newest candle (what a trailing stop follows). */
        public double atr() {
            return in.atr.getValue(in.series.getEndIndex()).doubleValue();
        }

        private Verdict verdict() {
            int i = in.series.getEndIndex();
            boolean longSide = in.plusDi.getValue(i).isGreaterThan(in.minusDi.getValue(i));
            boolean[] held = conditions(in, i, longSide);
            int count = 0;
            for (boolean h : held) if (h) count++;
            Reason reason;
            if (!(in.adx.getValue(i).doubleValue() >= p.adxFloor())) reason = Reason.ADX_BELOW_FLOOR;
            else if (!(in.volume.getValue(i).doubleValue()
                    >= p.volumeFilterRatio() * in.volumeAverage.getValue(i).doubleValue())) {
                reason = Reason.VOLUME_BELOW_AVERAGE;
            } else if (count < p.minConditions()) {
                reason = Reason.TOO_FEW_CONDITIONS;
            } else {
                return new Verdict(longSide ? Action.BUY : Action.SELL, Reason.ENTRY, longSide, held);
            }
            boolean crossDown = in.emaFast.getValue(i).isLessThan(in.emaMid.getValue(i))
                    && !in.emaFast.getValue(i - 1).isLessThan(in.emaMid.getValue(i - 1));
            if (crossDown) return new Verdict(Action.EXIT, Reason.EMA_CROSS, longSide, held);
            return new Verdict(Action.NONE, reason, longSide, held);
        }

        private ApexDecision explain(Verdict v) {
            int i = in.series.getEndIndex();
            Map<String, Boolean> conditions = new LinkedHashMap<>();
            for (int k = 0; k < CONDITIONS.size(); k++) conditions.put(CONDITIONS.get(k), v.held[k]);
            String side = v.longSide ? "long" : "short";
            Map<String, BigDecimal> values = in.values(i);
            if (v.reason == Reason.ENTRY) return entry(symbol, lastClose, in, i, v.longSide, side, conditions, values);
            return new ApexDecision(symbol, lastClose, v.action, v.reason, side, conditions, values, null, null, null,
                    null, p.version());
        }

        private ApexDecision none(Reason reason, String side) {
            return new ApexDecision(symbol, lastClose, Action.NONE, reason, side, null, null, null, null, null, null,
                    p.version());
        }
    }

    /** What the rules concluded on one candle, before its explanation is written out. */
    private record Verdict(Action action, Reason reason, boolean longSide, boolean[] held) {}

    private static final List<String> CONDITIONS = List.of("nearEma21OrVwap", "rsiInBand", "reversalCandle",
            "macdHistogramAndSlope", "volumeConfirmation");

    private ApexDecision entry(String symbol, Instant close, Indicators in, int i, boolean longSide, String side,
                               Map<String, Boolean> conditions, Map<String, BigDecimal> values) {
        double entry = in.close.getValue(i).doubleValue();
        double atr = in.atr.getValue(i).doubleValue();
        double swing = longSide ? Double.MAX_VALUE : -Double.MAX_VALUE;
        for (int k = Math.max(0, i - p.swingBars() + 1); k <= i; k++) {
            Bar bar = in.series.getBar(k);
            swing = longSide ? Math.min(swing, bar.getLowPrice().doubleValue())
                    : Math.max(swing, bar.getHighPrice().doubleValue());
        }
        double rawStop = longSide ? swing - p.stopAtrMultiple() * atr : swing + p.stopAtrMultiple() * atr;
        double distance = Math.abs(entry - rawStop) / entry * 100;
        double clamped = Math.max(p.stopMinPercent(), Math.min(p.stopMaxPercent(), distance));
        double stop = longSide ? entry * (1 - clamped / 100) : entry * (1 + clamped / 100);
        List<BigDecimal> targets = new ArrayList<>();
        for (ApexParameters.Target t : p.targets()) {
            double pct = t.percent().doubleValue() / 100;
            targets.add(price(longSide ? entry * (1 + pct) : entry * (1 - pct)));
        }
        double strength = (in.adx.getValue(i).doubleValue() - p.adxFloor()) / (p.sizeFullAdx() - p.adxFloor());
        double size = p.sizeMinPercent() + (p.sizeMaxPercent() - p.sizeMinPercent()) * Math.max(0, Math.min(1, strength));
        return new ApexDecision(symbol, close, longSide ? Action.BUY : Action.SELL, Reason.ENTRY, side, conditions,
                values, price(entry), price(stop), targets, BigDecimal.valueOf(size).setScale(2, RoundingMode.HALF_UP),
                p.version());
    }

    private boolean[] conditions(Indicators in, int i, boolean longSide) {
        double close = in.close.getValue(i).doubleValue();
        double near = p.nearPercent() / 100;
        boolean nearLevel = Math.abs(close - in.emaMid.getValue(i).doubleValue()) / close <= near
                || Math.abs(close - in.vwap.getValue(i).doubleValue()) / close <= near;
        double rsi = in.rsi.getValue(i).doubleValue();
        boolean rsiBand = longSide ? rsi >= p.rsiLongMin() && rsi <= p.rsiLongMax()
                : rsi >= p.rsiShortMin() && rsi <= p.rsiShortMax();
        double hist = in.histogram.getValue(i).doubleValue();
        double previousHist = in.histogram.getValue(i - 1).doubleValue();
        boolean macd = longSide ? hist > 0 && hist > previousHist : hist < 0 && hist < previousHist;
        boolean volume = in.volume.getValue(i).doubleValue()
                >= p.volumeConfirmRatio() * in.volumeAverage.getValue(i).doubleValue();
        // In the order of CONDITIONS.
        return new boolean[] {nearLevel, rsiBand, reversal(in.series.getBar(i), in.series.getBar(i - 1), longSide), macd,
                volume};
    }

    /** Engulfing the previous opposite candle, or a rejection wick at least twice the body, in the side's direction. */
    static boolean reversal(Bar bar, Bar previous, boolean longSide) {
        double open = bar.getOpenPrice().doubleValue();
        double close = bar.getClosePrice().doubleValue();
        double body = Math.abs(close - open);
        double prevOpen = previous.getOpenPrice().doubleValue();
        double prevClose = previous.getClosePrice().doubleValue();
        if (longSide) {
            if (close <= open) return false;
            boolean engulfing = prevClose < prevOpen && close >= prevOpen && open <= prevClose;
            double lowerWick = Math.min(open, close) - bar.getLowPrice().doubleValue();
            return engulfing || lowerWick >= 2 * body;
        }
        if (close >= open) return false;
        boolean engulfing = prevClose > prevOpen && close <= prevOpen && open >= prevClose;
        double upperWick = bar.getHighPrice().doubleValue() - Math.max(open, close);
        return engulfing || upperWick >= 2 * body;
    }

    private static BigDecimal price(double value) {
        return BigDecimal.valueOf(value).setScale(PRICE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** The indicators of one evaluation, over one series. */
    private final class Indicators {
        final BarSeries series;
        final ClosePriceIndicator close;
        final EMAIndicator emaFast;
        final EMAIndicator emaMid;
        final EMAIndicator emaSlow;
        final RSIIndicator rsi;
        final Indicator<Num> histogram;
        final ADXIndicator adx;
        final PlusDIIndicator plusDi;
        final MinusDIIndicator minusDi;
        final ATRIndicator atr;
        final VWAPIndicator vwap;
        final VolumeIndicator volume;
        final SMAIndicator volumeAverage;
        final BollingerBandsUpperIndicator bollingerUpper;
        final BollingerBandsLowerIndicator bollingerLower;

        Indicators(BarSeries series) {
            this.series = series;
            close = new ClosePriceIndicator(series);
            emaFast = new EMAIndicator(close, p.emaFast());
            emaMid = new EMAIndicator(close, p.emaMid());
            emaSlow = new EMAIndicator(close, p.emaSlow());
            rsi = new RSIIndicator(close, p.rsiPeriod());
            MACDIndicator macd = new MACDIndicator(close, p.macdFast(), p.macdSlow());
            histogram = macd.getHistogram(p.macdSignal());
            adx = new ADXIndicator(series, p.adxPeriod());
            plusDi = new PlusDIIndicator(series, p.adxPeriod());
            minusDi = new MinusDIIndicator(series, p.adxPeriod());
            atr = new ATRIndicator(series, p.atrPeriod());
            vwap = new VWAPIndicator(series, p.vwapPeriod());
            volume = new VolumeIndicator(series);
            volumeAverage = new SMAIndicator(volume, p.volumeAveragePeriod());
            BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(
                    new SMAIndicator(close, p.bollingerPeriod()));
            StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, p.bollingerPeriod());
            bollingerUpper = new BollingerBandsUpperIndicator(middle, deviation, series.numOf(p.bollingerK()));
            bollingerLower = new BollingerBandsLowerIndicator(middle, deviation, series.numOf(p.bollingerK()));
        }

        Map<String, BigDecimal> values(int i) {
            Map<String, BigDecimal> v = new LinkedHashMap<>();
            put(v, "close", close, i);
            put(v, "ema9", emaFast, i);
            put(v, "ema21", emaMid, i);
            put(v, "ema50", emaSlow, i);
            put(v, "rsi14", rsi, i);
            put(v, "macdHistogram", histogram, i);
            put(v, "adx14", adx, i);
            put(v, "plusDi", plusDi, i);
            put(v, "minusDi", minusDi, i);
            put(v, ATR, atr, i);
            put(v, "vwap", vwap, i);
            put(v, "volume", volume, i);
            put(v, "volumeAverage20", volumeAverage, i);
            put(v, "bollingerUpper", bollingerUpper, i);
            put(v, "bollingerLower", bollingerLower, i);
            return v;
        }

        /** A value that is not a number (a flat market divides by zero) is left out of the explanation. */
        private void put(Map<String, BigDecimal> v, String name, Indicator<Num> indicator, int i) {
            double value = indicator.getValue(i).doubleValue();
            if (Double.isFinite(value)) v.put(name, price(value));
        }
    }
}
