package com.nija.shared.graduation;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.math.BigDecimal;

/**
 * What a trader must show on paper before trading live (NIJA's education mode): at least {@code minPaperTrades}
 * closed paper trades, a win rate of at least {@code minWinRatePct} %, {@code minDays} days since the paper account
 * started ({@code NIJA_GRADUATION_MIN_PAPER_TRADES}, {@code NIJA_GRADUATION_MIN_WIN_RATE_PCT},
 * {@code NIJA_GRADUATION_MIN_DAYS}).
 */
@ConfigurationProperties("nija.graduation")
public class GraduationConfig {
    private long minPaperTrades = 50;
    private BigDecimal minWinRatePct = new BigDecimal("52");
    private long minDays = 14;

    public long getMinPaperTrades() { return minPaperTrades; }
    public void setMinPaperTrades(long minPaperTrades) { this.minPaperTrades = minPaperTrades; }
    public BigDecimal getMinWinRatePct() { return minWinRatePct; }
    public void setMinWinRatePct(BigDecimal minWinRatePct) { this.minWinRatePct = minWinRatePct; }
    public long getMinDays() { return minDays; }
    public void setMinDays(long minDays) { this.minDays = minDays; }

    /** The criteria as the rules read them. */
    public GraduationRules.Criteria criteria() {
        return new GraduationRules.Criteria(minPaperTrades, minWinRatePct, minDays);
    }
}
