package com.nija.shared.graduation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A trader's way from paper to live, as {@code GET /api/v1/account} shows it.
 *
 * @param graduated   live trading is open to them (criteria met, or waived)
 * @param criteriaMet every criterion is met on its own
 * @param paperSince  when their paper account started (null when unknown)
 * @param waiver      the admin's recorded waiver, or null
 */
public record GraduationProgress(boolean graduated, boolean criteriaMet, Instant paperSince, List<Criterion> criteria,
                                 Waiver waiver) {

    /** One criterion: {@code current} against {@code required} (at least). */
    public record Criterion(String name, BigDecimal current, BigDecimal required, boolean met) {}

    /** Who waived the criteria, when and why. */
    public record Waiver(String grantedBy, Instant grantedAt, String reason) {}

    /** The unmet criteria, each as "12 of 50 paper trades", for a refusal. */
    public List<String> unmet() {
        return criteria.stream().filter(c -> !c.met()).map(c -> switch (c.name()) {
            case GraduationRules.PAPER_TRADES -> c.current().toPlainString() + " of " + c.required().toPlainString()
                    + " closed paper trades";
            case GraduationRules.WIN_RATE -> "a win rate of " + c.current().toPlainString() + " % of at least "
                    + c.required().toPlainString() + " %";
            case GraduationRules.DAYS -> c.current().toPlainString() + " of " + c.required().toPlainString()
                    + " days on paper";
            default -> c.name() + " " + c.current().toPlainString() + " of " + c.required().toPlainString();
        }).toList();
    }
}
