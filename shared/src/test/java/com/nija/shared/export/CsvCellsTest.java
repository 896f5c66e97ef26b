package com.nija.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "BTC-USD              | BTC-USD",
            "=HYPERLINK(\"x\")    | `\"'=HYPERLINK(\"\"x\"\")\"`",
            "+1                   | '+1",
            "-2+3                 | '-2+3",
            "@SUM(A1)             | '@SUM(A1)",
            "a,b                  | `\"a,b\"`",
            "`line\nbreak`        | `\"line\nbreak\"`"})
    @DisplayName("text cells: formulas neutralised with a leading quote, commas/quotes/newlines quoted per RFC 4180")
    void textCells(String value, String expected) {
        assertThat(CsvCells.cell(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-12.50", "0.00000100", "61000.50"})
    @DisplayName("number cells keep the stored digits and sign, so a loss stays a number")
    void numberCells(String value) {
        assertThat(CsvCells.number(new BigDecimal(value))).isEqualTo(value);
    }
}
