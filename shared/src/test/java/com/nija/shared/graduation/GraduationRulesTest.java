package com.nija.shared.graduation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.config.PlatformClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NIJA's graduation defaults (50 paper trades, 52 % win rate, 14 days), judged at their edges. */
class GraduationRulesTest {
    private static final GraduationRules.Criteria NIJA = new GraduationConfig().criteria();
    private static final Instant NOW = PlatformClock.system().instant();

    static Stream<Arguments> cases() {
        return Stream.of(
                // trades, wins, days on paper, graduated, unmet criteria
                Arguments.of(50, 26, 14, true, List.of()),
                Arguments.of(49, 49, 30, false, List.of(GraduationRules.PAPER_TRADES)),
                Arguments.of(100, 52, 14, true, List.of()),
                Arguments.of(100, 51, 14, false, List.of(GraduationRules.WIN_RATE)),
                // 51.99 % is not 52 %: rounded down
                Arguments.of(2499, 1299, 20, false, List.of(GraduationRules.WIN_RATE)),
                Arguments.of(60, 40, 13, false, List.of(GraduationRules.DAYS)),
                Arguments.of(0, 0, 0, false, List.of(GraduationRules.PAPER_TRADES, GraduationRules.WIN_RATE,
                        GraduationRules.DAYS)));
    }

    @ParameterizedTest(name = "{0} trades, {1} wins, {2} days -> graduated {3}")
    @MethodSource("cases")
    @DisplayName("a trader graduates only when every criterion is met, and is told which are not")
    void judges(long trades, long wins, long days, boolean graduated, List<String> unmet) {
        GraduationProgress p = GraduationRules.judge(NIJA, trades, wins, NOW.minus(Duration.ofDays(days)), NOW, null);

        assertThat(p.graduated()).isEqualTo(graduated);
        assertThat(p.criteriaMet()).isEqualTo(graduated);
        assertThat(p.criteria().stream().filter(c -> !c.met()).map(GraduationProgress.Criterion::name))
                .containsExactlyElementsOf(unmet);
        assertThat(p.unmet()).hasSize(unmet.size());
    }

    @Test
    @DisplayName("progress reports the current value beside the required one: 12 of 50 trades, 41.66 % of 52 %, 3 of 14 days")
    void reportsProgress() {
        GraduationProgress p = GraduationRules.judge(NIJA, 12, 5, NOW.minus(Duration.ofDays(3).plusHours(5)), NOW,
                null);

        assertThat(p.criteria()).extracting(GraduationProgress.Criterion::current)
                .containsExactly(new BigDecimal("12"), new BigDecimal("41.66"), new BigDecimal("3"));
        assertThat(p.criteria()).extracting(GraduationProgress.Criterion::required)
                .containsExactly(new BigDecimal("50"), new BigDecimal("52"), new BigDecimal("14"));
        assertThat(p.unmet()).containsExactly("12 of 50 closed paper trades",
                "a win rate of 41.66 % of at least 52 %", "3 of 14 days on paper");
    }

    @Test
    @DisplayName("an admin's waiver lets a trader go live with the criteria still unmet, and says so")
    void waiverGraduates() {
        var waiver = new GraduationProgress.Waiver("admin-1", NOW, "professional trader, verified track record");

        GraduationProgress p = GraduationRules.judge(NIJA, 0, 0, NOW, NOW, waiver);

        assertThat(p.graduated()).isTrue();
        assertThat(p.criteriaMet()).isFalse();
        assertThat(p.waiver()).isEqualTo(waiver);
    }

    @Test
    @DisplayName("a paper account whose start is unknown has no days on paper yet")
    void unknownStart() {
        GraduationProgress p = GraduationRules.judge(NIJA, 80, 60, null, NOW, null);

        assertThat(p.graduated()).isFalse();
        assertThat(p.unmet()).containsExactly("0 of 14 days on paper");
    }
}
