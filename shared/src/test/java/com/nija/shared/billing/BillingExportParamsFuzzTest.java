package com.nija.shared.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.shared.problem.InvalidInputException;
import java.time.YearMonth;

/**
 * Finance's export parameters come from the caller: every kind and month either parses (a month no later than this
 * one) or is an {@link InvalidInputException} naming that field — never another exception (which would be a 500).
 */
class BillingExportParamsFuzzTest {
    private static final YearMonth CURRENT = YearMonth.of(2031, 6);

    @FuzzTest
    void params(FuzzedDataProvider data) {
        String kind = data.consumeString(20);
        String month = data.consumeRemainingAsString();
        try {
            assertThat(BillingExportKind.parse(kind).rows()).isEqualTo(kind);
        } catch (InvalidInputException invalid) {
            assertThat(invalid.violations()).extracting(InvalidInputException.Violation::field).containsOnly("kind");
        }
        try {
            assertThat(BillingMonth.parse(month, CURRENT).isAfter(CURRENT)).isFalse();
        } catch (InvalidInputException invalid) {
            assertThat(invalid.violations()).extracting(InvalidInputException.Violation::field).containsOnly("month");
        }
    }
}
