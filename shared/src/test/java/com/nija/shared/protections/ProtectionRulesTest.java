package com.nija.shared.protections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The protections' arithmetic, thresholds and settings rules as a trader meets them. */
class ProtectionRulesTest {
    private static final ProtectionSettings NIJA = ProtectionSettings.defaults();

    @ParameterizedTest(name = "peak {0}, equity {1} → {2}% below, level {3}")
    @CsvSource({
            "10000, 10000, 0.00, NONE",
            "10000, 12000, 0.00, NONE",
            "10000, 8500.01, 14.99, NONE",
            "10000, 8500, 15.00, WARNING",
            "10000, 8000.01, 19.99, WARNING",
            "10000, 8000, 20.00, STOPPED",
            "10000, 0, 100.00, STOPPED",
            "10000, -50, 100.50, STOPPED",
            "3, 2, 33.33, STOPPED"})
    @DisplayName("the drawdown is measured from the peak, rounded down, and a threshold counts from the moment it is reached")
    void drawdownAndLevel(String peak, String equity, String pct, DrawdownLevel level) {
        BigDecimal drawdown = ProtectionRules.drawdownPct(new BigDecimal(peak), new BigDecimal(equity));

        assertThat(drawdown).isEqualByComparingTo(pct);
        assertThat(DrawdownLevel.of(drawdown, NIJA)).isEqualTo(level);
    }

    @ParameterizedTest(name = "peak {0}, equity {1} → {2}")
    @CsvSource({", 9000, 9000", "10000, 9000, 10000", "10000, 10500.5, 10500.5", "10000, 10000, 10000"})
    @DisplayName("the peak only ever rises, and a restarted peak starts at the equity of the moment")
    void peakOnlyRises(String peak, String equity, String after) {
        assertThat(ProtectionRules.peakAfter(peak == null ? null : new BigDecimal(peak), new BigDecimal(equity)))
                .isEqualByComparingTo(after);
    }

    @Test
    @DisplayName("a symbol cools down until the second its cooldown ends, not a second longer")
    void cooldownEnds() {
        Instant until = Instant.parse("2031-06-16T16:00:00Z");
        ProtectionStateItem state = new ProtectionStateItem("USER#u", "PROTECTION_STATE", null, null, DrawdownLevel.NONE,
                Map.of(), Map.of("BTC-USD", until.getEpochSecond()), null, List.of(), 1L);

        assertThat(ProtectionRules.coolingUntil(state, "BTC-USD", until.minusSeconds(1))).contains(until);
        assertThat(ProtectionRules.coolingUntil(state, "BTC-USD", until)).isEmpty();
        assertThat(ProtectionRules.coolingUntil(state, "ETH-USD", until.minusSeconds(1))).isEmpty();
    }

    @ParameterizedTest(name = "today {0} against target {1} → {2}")
    @CsvSource({"299.99, 300, false", "300, 300, true", "450, 300, true", "-20, 300, false", "1000, , false"})
    @DisplayName("the daily profit target stops entries once today's realized profit reaches it, never without one")
    void profitTarget(String today, String target, boolean reached) {
        ProtectionSettings s = new ProtectionSettings(NIJA.drawdownWarnPct(), NIJA.drawdownStopPct(), 3, 1440, 240,
                target == null ? null : new BigDecimal(target), null, 0L, null);

        assertThat(ProtectionRules.profitTargetReached(s, new BigDecimal(today))).isEqualTo(reached);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "warning at or past the stop      | 20  | 20  | 3   | 1440  | 240 |         | drawdownWarnPct | must be below drawdownStopPct",
            "a stop past 100 %                | 15  | 101 | 3   | 1440  | 240 |         | drawdownStopPct | must be greater than 0 and at most 100",
            "a zero warning                   | 0   | 20  | 3   | 1440  | 240 |         | drawdownWarnPct | must be greater than 0 and at most 100",
            "a negative guard count           | 15  | 20  | -1  | 1440  | 240 |         | stoplossGuardTrades | must be between 0 and 100",
            "a window of no time              | 15  | 20  | 3   | 0     | 240 |         | stoplossGuardLookbackMinutes | must be between 1 and 43200",
            "a cooldown longer than 30 days   | 15  | 20  | 3   | 1440  | 43201 |       | stoplossGuardStopMinutes | must be between 1 and 43200",
            "a negative profit target         | 15  | 20  | 3   | 1440  | 240 | -5      | dailyProfitTarget | must be greater than 0",
            "a profit target in fractions of a cent | 15 | 20 | 3 | 1440 | 240 | 10.001 | dailyProfitTarget | has more than 2 decimal places"})
    @DisplayName("settings that break a rule are refused naming the field and the rule")
    void refused(String why, String warn, String stop, Integer trades, Integer lookback, Integer cooldown, String target,
                 String field, String rule) {
        ProtectionSettings in = new ProtectionSettings(new BigDecimal(warn), new BigDecimal(stop), trades, lookback,
                cooldown, target == null ? null : new BigDecimal(target), null, 0L, null);

        assertThatThrownBy(() -> ProtectionSettingsValidator.validate(in)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .anySatisfy(v -> {
                            assertThat(v.field()).isEqualTo(field);
                            assertThat(v.message()).startsWith(rule);
                        }));
    }

    @Test
    @DisplayName("NIJA's defaults pass their own rules: warn at 15 %, stop at 20 %, 3 stops a day cool a symbol 4 hours")
    void defaultsAreValid() {
        assertThat(ProtectionSettingsValidator.validate(NIJA)).isEqualTo(NIJA);
        assertThat(NIJA.guardOn()).isTrue();
        assertThat(NIJA.cooldown()).hasHours(4);
    }
}
