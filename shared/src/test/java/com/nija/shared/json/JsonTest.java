package com.nija.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.performance.EquityPoint;
import com.nija.shared.settings.RiskSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The one JSON mapper")
class JsonTest {

    public record Money(BigDecimal amount) {}

    public record Stamp(Instant at) {}

    @ParameterizedTest(name = "{0} is written as \"{1}\"")
    @CsvSource({"6.1E+4, 61000", "0.10, 0.10", "1E-8, 0.00000001", "-12.50, -12.50", "0, 0", "61000.00, 61000.00",
            "123456789012345678901234567890.123456789, 123456789012345678901234567890.123456789"})
    @DisplayName("money is written as a plain decimal string, keeping its cents and never in exponent form")
    void bigDecimalAsPlainString(String value, String written) throws Exception {
        String json = Json.MAPPER.writeValueAsString(new Money(new BigDecimal(value)));

        assertThat(json).isEqualTo("{\"amount\":\"" + written + "\"}");
    }

    @Test
    @DisplayName("money is a JSON string, so no client parses it into a float")
    void moneyIsNeverAJsonNumber() throws Exception {
        JsonNode tree = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(
                new EquityPoint("2026-11-27", new BigDecimal("1000.10"), new BigDecimal("-0.30"))));

        assertThat(tree.get("equity").isTextual()).isTrue();
        assertThat(tree.get("pnl").isTextual()).isTrue();
        assertThat(tree.get("equity").asText()).isEqualTo("1000.10");
    }

    @Test
    @DisplayName("money sent as a JSON number or as a string is read exactly, without float rounding")
    void moneyReadExactly() throws Exception {
        Money fromNumber = Json.MAPPER.readValue("{\"amount\":0.1}", Money.class);
        Money fromString = Json.MAPPER.readValue("{\"amount\":\"61000.10\"}", Money.class);

        assertThat(fromNumber.amount()).isEqualTo(new BigDecimal("0.1"));
        assertThat(fromString.amount()).isEqualTo(new BigDecimal("61000.10"));
    }

    @Test
    @DisplayName("numbers in untyped JSON are read as exact decimals, not doubles")
    void untypedNumbersAreDecimals() throws Exception {
        Object value = Json.MAPPER.readValue("{\"price\":0.1}", java.util.Map.class).get("price");

        assertThat(value).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    @DisplayName("instants are written as ISO-8601 text in UTC, not epoch numbers")
    void instantsAsIso() throws Exception {
        String whole = Json.MAPPER.writeValueAsString(new Stamp(Instant.parse("2026-11-27T13:00:00Z")));
        String millis = Json.MAPPER.writeValueAsString(new Stamp(Instant.parse("2026-11-27T13:00:00.123Z")));

        assertThat(whole).isEqualTo("{\"at\":\"2026-11-27T13:00:00Z\"}");
        assertThat(millis).isEqualTo("{\"at\":\"2026-11-27T13:00:00.123Z\"}");
    }

    @Test
    @DisplayName("ISO-8601 instants with an offset are read as the same moment")
    void instantsRead() throws Exception {
        Stamp stamp = Json.MAPPER.readValue("{\"at\":\"2026-11-27T13:00:00Z\"}", Stamp.class);

        assertThat(stamp.at()).isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));
    }

    @Test
    @DisplayName("fields the server doesn't know are ignored, so newer clients still work")
    void unknownFieldsIgnored() throws Exception {
        Money money = Json.MAPPER.readValue("{\"amount\":\"5\",\"currency\":\"USD\",\"extra\":{\"a\":[1,2]}}",
                Money.class);

        assertThat(money.amount()).isEqualByComparingTo("5");
    }

    @Test
    @DisplayName("absent values are left out of the output instead of written as null")
    void nullsOmitted() throws Exception {
        String json = Json.MAPPER.writeValueAsString(new Money(null));

        assertThat(json).isEqualTo("{}");
    }

    @Test
    @DisplayName("risk settings survive a trip through JSON unchanged, cents and all")
    void recordsRoundTrip() throws Exception {
        RiskSettings settings = new RiskSettings(new BigDecimal("2.50"), 5, new BigDecimal("500.00"),
                List.of("BTC-USD", "ETH-USDT"), new BigDecimal("0.10"), null, true, false, List.of("demo"), 4L,
                Instant.parse("2026-11-27T10:15:30.250Z"));

        RiskSettings back = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(settings), RiskSettings.class);

        assertThat(back).isEqualTo(settings);
    }
}
