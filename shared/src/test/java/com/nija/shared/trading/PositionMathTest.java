package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Position P&L arithmetic")
class PositionMathTest {

    @Test
    @DisplayName("a long of 2 BTC bought at 60,000 gains 2,000 when the price rises to 61,000")
    void longGainsWhenPriceRises() {
        BigDecimal pnl = PositionMath.unrealizedPnl(Side.LONG, bd("2"), bd("60000"), bd("61000"));

        assertThat(pnl).isEqualByComparingTo("2000");
    }

    @Test
    @DisplayName("a long loses when the price falls")
    void longLosesWhenPriceFalls() {
        BigDecimal pnl = PositionMath.unrealizedPnl(Side.LONG, bd("0.5"), bd("3000"), bd("2900.50"));

        assertThat(pnl).isEqualByComparingTo("-49.75");
    }

    @Test
    @DisplayName("a short of 2 BTC sold at 60,000 gains 2,000 when the price falls to 59,000")
    void shortGainsWhenPriceFalls() {
        BigDecimal pnl = PositionMath.unrealizedPnl(Side.SHORT, bd("2"), bd("60000"), bd("59000"));

        assertThat(pnl).isEqualByComparingTo("2000");
    }

    @Test
    @DisplayName("a short loses when the price rises")
    void shortLosesWhenPriceRises() {
        BigDecimal pnl = PositionMath.unrealizedPnl(Side.SHORT, bd("1.25"), bd("100"), bd("110"));

        assertThat(pnl).isEqualByComparingTo("-12.5");
    }

    @Test
    @DisplayName("P&L keeps every decimal of tiny quantities; nothing is rounded away before the edge")
    void exactForTinyQuantities() {
        BigDecimal pnl = PositionMath.unrealizedPnl(Side.LONG, bd("0.00000001"), bd("60000.01"), bd("60000.02"));

        assertThat(pnl).isEqualByComparingTo("0.0000000001");
    }

    @Test
    @DisplayName("a long adds its market value to equity, a short owes it")
    void signedValue() {
        assertThat(PositionMath.signedValue(Side.LONG, bd("2"), bd("100.5"))).isEqualByComparingTo("201");
        assertThat(PositionMath.signedValue(Side.SHORT, bd("2"), bd("100.5"))).isEqualByComparingTo("-201");
    }

    @Test
    @DisplayName("a percentage of a zero whole is 0.00, not a division error")
    void percentOfZeroWholeIsZero() {
        assertThat(PositionMath.percent(bd("25"), BigDecimal.ZERO)).isEqualTo(bd("0.00"));
        assertThat(PositionMath.percent(BigDecimal.ZERO, bd("0.000"))).isEqualTo(bd("0.00"));
    }

    @ParameterizedTest(name = "{0} of {1} is {2}%")
    @CsvSource({
            "25, 200, 12.50",
            "1, 3, 33.33",
            "2, 3, 66.67",
            "-25, 200, -12.50",
            "-25, -200, -12.50",
            "300, 100, 300.00"})
    @DisplayName("a percentage has 2 decimals, and a loss stays negative whatever the whole's sign")
    void percent(String part, String whole, String expected) {
        assertThat(PositionMath.percent(bd(part), bd(whole))).isEqualTo(bd(expected));
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({"0.125, 0.12", "0.135, 0.14", "-0.125, -0.12", "10, 10.00", "1.005, 1.00", "1.0051, 1.01"})
    @DisplayName("money is rounded half-even to the cent")
    void moneyRoundsHalfEven(String amount, String shown) {
        assertThat(PositionMath.money(bd(amount))).isEqualTo(bd(shown));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
