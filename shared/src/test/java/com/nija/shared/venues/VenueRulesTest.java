package com.nija.shared.venues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VenueRulesTest {
    private static final VenueRules BTC = new VenueRules("XBTUSD", new BigDecimal("0.00005"),
            new BigDecimal("0.00000001"), new BigDecimal("0.1"), new BigDecimal("0.5"));

    @ParameterizedTest
    @CsvSource({"0.123456789, 0.12345678", "0.00005, 0.00005", "1.999999999, 1.99999999"})
    void sizesRoundDownToTheStepNeverUp(String asked, String sent) {
        assertThat(BTC.roundSize(new BigDecimal(asked))).isEqualByComparingTo(sent);
    }

    @ParameterizedTest
    @CsvSource({"37500.17, true, 37500.1", "37500.17, false, 37500.2", "37500.1, true, 37500.1"})
    void limitsRoundToTheTickOnTheTradersSide(String asked, boolean buy, String sent) {
        assertThat(BTC.roundPrice(new BigDecimal(asked), buy)).isEqualByComparingTo(sent);
    }

    @ParameterizedTest
    @CsvSource({"0.00004, 40000, size", "0.00001, 40000, size", "0.0001, 4000, notional"})
    void ordersBelowTheVenuesMinimumsAreRefusedWithTheRule(String size, String price, String rule) {
        assertThat(BTC.refusal(new BigDecimal(size), new BigDecimal(price))).hasValueSatisfying(r ->
                assertThat(r).startsWith(rule).contains("XBTUSD"));
    }

    @ParameterizedTest
    @CsvSource({"0.00005, 40000", "1, 1"})
    void ordersMeetingTheRulesPass(String size, String price) {
        assertThat(BTC.refusal(new BigDecimal(size), new BigDecimal(price))).isEmpty();
    }
}
