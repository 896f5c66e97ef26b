package com.nija.shared.trading.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.shared.export.ExportFormat;
import com.nija.shared.problem.InvalidInputException;
import java.time.Duration;

/**
 * The export's query parameters come from the caller: every from/to/format either parses into a window of at most
 * 366 days with to after from, or is an {@link InvalidInputException} naming one of the three fields — never another
 * exception (which would be a 500).
 */
class ExportParamsFuzzTest {
    @FuzzTest
    void params(FuzzedDataProvider data) {
        String from = data.consumeString(40);
        String to = data.consumeString(40);
        String format = data.consumeRemainingAsString();
        try {
            ExportRange range = ExportRange.parse(from, to);
            assertThat(range.to()).isAfter(range.from());
            assertThat(Duration.between(range.from(), range.to())).isLessThanOrEqualTo(ExportRange.MAX_SPAN);
            assertThat(range.from()).isAfterOrEqualTo(ExportRange.EARLIEST);
            assertThat(range.to()).isBeforeOrEqualTo(ExportRange.LATEST);
            assertThat(ExportFormat.parse(format)).isNotNull();
        } catch (InvalidInputException invalid) {
            assertThat(invalid.violations()).extracting(InvalidInputException.Violation::field)
                    .containsAnyOf("from", "to", "format");
        }
    }
}
