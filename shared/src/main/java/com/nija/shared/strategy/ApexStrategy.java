package com.nija.shared.strategy;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.strategy.ApexDecision.Action;
import com.nija.shared.strategy.ApexDecision.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
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

    private final ApexParameters p;

    public ApexStrategy(ApexParameters parameters) {
        this.p = parameters;
    }

    public ApexParameters parameters() {
        return p;
    }

    /** The decision on the last of {@code candles} (closed, oldest first, one interval apart). */
    public ApexDecision evaluate(String symbol, List<Candle> candles) {
        Instant close = candles.isEmpty() ? null
                : candles.get(candles.size() - 1).closeTime(p.candleInterval());
        if (candles.size() < p.warmupCandles()) {
            return new ApexDecision(symbol, close, Action.NONE, Reason.WARMING_UP, null, null, null, null, null, null,
                    null, p.version());
        }
        Indicators in = new Indicators(series(symbol, candles));
        int i = in.series.getEndIndex();
        Map<String, BigDecimal> values = in.values(i);
        boolean longSide = in.plusDi.getValue(i).isGreaterThan(in.minusDi.getValue(i));
        String side = longSide ? "long" : "short";
        Map<String, Boolean> conditions = conditions(in, i, longSide);

        Reason reason;
        if (!(in.adx.getValue(i).doubleValue() >= p.adxFloor())) reason = Reason.ADX_BELOW_FLOOR;
        else if (!(in.volume.getValue(i).doubleValue()
                >= p.volumeFilterRatio() * in.volumeAverage.getValue(i).doubleValue())) {
            reason = Reason.VOLUME_BELOW_AVERAGE;
        } else if (conditions.values().stream().filter(Boolean::booleanValue).count() < p.minConditions()) {
            reason = Reason.TOO_FEW_CONDITIONS;
        } else {
            return entry(symbol, close, in, i, longSide, side, conditions, values);
        }
        boolean crossDown = in.emaFast.getValue(i).isLessThan(in.emaMid.getValue(i))
                && !in.emaFast.getValue(i - 1).isLessThan(in.emaMid.getValue(i - 1));
        if (crossDown) {
            return new ApexDecision(symbol, close, Action.EXIT, Reason.EMA_CROSS, side, conditions, values, null, null,
                    null, null, p.version());
        }
        return new ApexDecision(symbol, close, Action.NONE, reason, side, conditions, values, null, null, null, null,
                p.version());
    }

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

    private Map<String, Boolean> conditions(Indicators in, int i, boolean longSide) {
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
        Map<String, Boolean> held = new LinkedHashMap<>();
        held.put("nearEma21OrVwap", nearLevel);
        held.put("rsiInBand", rsiBand);
        held.put("reversalCandle", reversal(in.series.getBar(i), in.series.getBar(i - 1), longSide));
        held.put("macdHistogramAndSlope", macd);
        held.put("volumeConfirmation", volume);
        return held;
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

    private BarSeries series(String symbol, List<Candle> candles) {
        BarSeries series = new BaseBarSeriesBuilder().withName(symbol).withNumTypeOf(DoubleNum::valueOf).build();
        java.time.Duration length = p.candleInterval().length();
        for (Candle c : candles) {
            series.addBar(length, c.closeTime(p.candleInterval()).atZone(java.time.ZoneOffset.UTC), c.open(), c.high(),
                    c.low(), c.close(), c.volume());
        }
        return series;
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
