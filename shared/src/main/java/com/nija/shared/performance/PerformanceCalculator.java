package com.nija.shared.performance;

import com.nija.shared.trading.PositionMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a period's roll-up buckets into the figures traders see. Pure: same buckets, same report.
 * Sharpe and Sortino use per-bucket returns on the equity at the bucket's start, annualized by
 * √(buckets per year), risk-free rate 0 (crypto trades every day, so a year is 365 days).
 */
public final class PerformanceCalculator {
    private static final int RATIO_SCALE = 4;

    private PerformanceCalculator() {}

    /**
     * @param buckets        every bucket of the period in time order, zeros included
     * @param startEquity    equity (realized basis) before the first bucket
     * @param unrealizedPnl  open positions' P&L at the latest prices
     * @param bucketsPerYear 8760 for hours, 365 for days
     */
    public static PerformanceReport compute(String period, String granularity, List<Bucket> buckets,
                                            BigDecimal startEquity, BigDecimal unrealizedPnl, int bucketsPerYear) {
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal grossProfit = BigDecimal.ZERO;
        BigDecimal grossLoss = BigDecimal.ZERO;
        long closed = 0;
        long wins = 0;
        long losses = 0;
        BigDecimal equity = startEquity;
        BigDecimal peak = startEquity;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        BigDecimal maxDrawdownPct = BigDecimal.ZERO.setScale(RATIO_SCALE);
        List<EquityPoint> curve = new ArrayList<>(buckets.size());
        double[] returns = new double[buckets.size()];
        int n = 0;
        for (Bucket b : buckets) {
            if (equity.signum() > 0) {
                returns[n++] = b.realizedPnl().divide(equity, MathContext.DECIMAL64).doubleValue();
            }
            realized = realized.add(b.realizedPnl());
            fees = fees.add(b.fees());
            grossProfit = grossProfit.add(b.grossProfit());
            grossLoss = grossLoss.add(b.grossLoss());
            closed += b.closedTrades();
            wins += b.wins();
            losses += b.losses();
            equity = equity.add(b.realizedPnl());
            peak = peak.max(equity);
            BigDecimal drawdown = peak.subtract(equity);
            if (drawdown.compareTo(maxDrawdown) > 0) maxDrawdown = drawdown;
            if (peak.signum() > 0) {
                // A loss beyond the whole peak (possible with shorts) is still a 100% drawdown of that peak.
                BigDecimal pct = drawdown.divide(peak, RATIO_SCALE, RoundingMode.HALF_EVEN)
                        .min(BigDecimal.ONE.setScale(RATIO_SCALE));
                if (pct.compareTo(maxDrawdownPct) > 0) maxDrawdownPct = pct;
            }
            curve.add(new EquityPoint(b.label(), PositionMath.money(equity), PositionMath.money(b.realizedPnl())));
        }
        String from = buckets.isEmpty() ? null : buckets.get(0).label();
        String to = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1).label();
        return new PerformanceReport(period, granularity, from, to,
                PositionMath.money(startEquity), PositionMath.money(equity.add(unrealizedPnl)),
                PositionMath.money(realized.add(unrealizedPnl)), PositionMath.money(realized),
                PositionMath.money(unrealizedPnl), PositionMath.money(fees),
                closed, wins, losses, ratio(wins, closed), divide(grossProfit, grossLoss),
                wins == 0 ? null : PositionMath.money(grossProfit.divide(BigDecimal.valueOf(wins), MathContext.DECIMAL64)),
                losses == 0 ? null : PositionMath.money(grossLoss.divide(BigDecimal.valueOf(losses), MathContext.DECIMAL64)),
                closed == 0 ? null : PositionMath.money(realized.divide(BigDecimal.valueOf(closed), MathContext.DECIMAL64)),
                PositionMath.money(maxDrawdown), maxDrawdownPct,
                sharpe(returns, n, bucketsPerYear, false), sharpe(returns, n, bucketsPerYear, true), curve);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Annualized Sharpe (or Sortino: downside deviation only); null with fewer than 2 returns or no variation. */
    static BigDecimal sharpe(double[] returns, int n, int perYear, boolean downsideOnly) {
        if (n < 2) return null;
        double mean = 0;
        for (int i = 0; i < n; i++) mean += returns[i];
        mean /= n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = downsideOnly ? Math.min(0, returns[i]) : returns[i] - mean;
            sum += d * d;
        }
        double deviation = Math.sqrt(sum / (n - 1));
        if (deviation < 1e-12 || !Double.isFinite(deviation)) return null;
        double value = mean / deviation * Math.sqrt(perYear);
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(RATIO_SCALE, RoundingMode.HALF_EVEN) : null;
    }
}
