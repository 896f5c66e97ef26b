package com.nija.shared.graduation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Graduation from paper to live, pure: each criterion with the trader's current value, what is required and whether
 * it is met; graduated when all are met or an admin waived them. A win rate is wins over closed trades, in percent to
 * two places, rounded down (51.999 % never passes for 52 %); days are whole days since the paper account started.
 */
public final class GraduationRules {
    public static final String PAPER_TRADES = "paperTrades";
    public static final String WIN_RATE = "winRatePct";
    public static final String DAYS = "daysOnPaper";

    private GraduationRules() {}

    public record Criteria(long minPaperTrades, BigDecimal minWinRatePct, long minDays) {}

    /**
     * @param closedTrades closed round trips on paper
     * @param wins         of those, the ones that made money
     * @param paperSince   when the paper account started; null when unknown (the day criterion is then unmet)
     * @param waiver       the admin's waiver, or null
     */
    public static GraduationProgress judge(Criteria c, long closedTrades, long wins, Instant paperSince, Instant now,
                                           GraduationProgress.Waiver waiver) {
        BigDecimal winRate = closedTrades == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(wins).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(closedTrades), 2, RoundingMode.DOWN);
        long days = paperSince == null || now.isBefore(paperSince) ? 0
                : Duration.between(paperSince, now).toDays();
        List<GraduationProgress.Criterion> criteria = List.of(
                criterion(PAPER_TRADES, BigDecimal.valueOf(closedTrades), BigDecimal.valueOf(c.minPaperTrades())),
                criterion(WIN_RATE, winRate, c.minWinRatePct()),
                criterion(DAYS, BigDecimal.valueOf(days), BigDecimal.valueOf(c.minDays())));
        boolean met = criteria.stream().allMatch(GraduationProgress.Criterion::met);
        return new GraduationProgress(met || waiver != null, met, paperSince, criteria, waiver);
    }

    private static GraduationProgress.Criterion criterion(String name, BigDecimal current, BigDecimal required) {
        return new GraduationProgress.Criterion(name, current, required, current.compareTo(required) >= 0);
    }
}
