package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one number grammar: what it reads, what it refuses, and that both cost nothing whatever the input. */
class DecimalsTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "61250.50, 61250.50",
            "0.00000001, 0.00000001",
            "12345678901234567890, 12345678901234567890",
            "0.123456789012, 0.123456789012",
            "1.5e3, 1500",
            "25E-2, 0.25",
            "+7, 7",
            "-5, -5",
            "' 42 ', 42",
            "1.000000000000e2, 100"})
    @DisplayName("plain decimals within 20 digits before and 12 after the point, with at most a two-digit exponent, are read exactly")
    void readsWithinBounds(String text, String value) {
        assertThat(Decimals.parse(text)).hasValueSatisfying(d -> assertThat(d).isEqualByComparingTo(value));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1e999999999", "1e-999999999", "1e100", "123456789012345678901", "0.1234567890123",
            "abc", "", "1,5", "0x10", "NaN", "Infinity", "1.", ".5", "1e", "5%", "1 000", "9e20"})
    @DisplayName("anything else is refused, however large its exponent")
    void refusesTheRest(String text) {
        assertThat(Decimals.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"12.5\"|12.5",
            "12.5|12.5",
            "7|7",
            "1E+3|1000"})
    @DisplayName("JSON strings and numbers are read alike")
    void readsJsonStringsAndNumbers(String json, String value) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json);

        assertThat(Decimals.read(node)).hasValueSatisfying(d -> assertThat(d).isEqualByComparingTo(value));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e999999999", "1e-999999999", "{}", "[1]", "true", "{\"price\": 1}",
            "123456789012345678901234567890"})
    @DisplayName("JSON numbers out of bounds, objects, lists and booleans are refused")
    void refusesOtherJson(String json) throws Exception {
        assertThat(Decimals.read(Json.MAPPER.readTree(json))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-1", "\"-0.5\"", "\"0.000\""})
    @DisplayName("readPositive refuses zero and negatives")
    void positiveOnly(String json) throws Exception {
        assertThat(Decimals.readPositive(Json.MAPPER.readTree(json))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"12.5, true", "1E+30, false", "1E-20, false", "10000000000000000000, true", "100000000000000000000, false"})
    @DisplayName("inBounds checks a value Jackson already read into a record the same way")
    void inBounds(String value, boolean expected) {
        assertThat(Decimals.inBounds(new BigDecimal(value))).isEqualTo(expected);
    }
}
