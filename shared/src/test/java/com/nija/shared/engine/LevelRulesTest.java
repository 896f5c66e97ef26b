package com.nija.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.problem.InvalidInputException.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A long's stop below and target above its entry, a short's the other way round. */
class LevelRulesTest {

    private static PriceLevel level(String text) {
        if (text == null) return null;
        return text.endsWith("%") ? new PriceLevel(null, new BigDecimal(text.substring(0, text.length() - 1)))
                : new PriceLevel(new BigDecimal(text), null);
    }

    private static BigDecimal price(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    @ParameterizedTest(name = "{0} at {1}: stop {2}, target {3} → {4}")
    @CsvSource(nullValues = "-", value = {
            // side, reference, stop, target, broken fields ('-' none)
            "long,  100, 95,    110,  -",
            "long,  -,   95,    110,  -",
            "long,  100, 2%,    5%,   -",
            "long,  100, 100,   -,    stopLoss",
            "long,  100, 105,   -,    stopLoss",
            "long,  100, -,     100,  takeProfit",
            "long,  100, -,     95,   takeProfit",
            "long,  -,   90,    85,   takeProfit",
            "long,  -,   -5%,   -,    stopLoss",
            "long,  -,   0%,    -,    stopLoss",
            "long,  -,   100%,  -,    stopLoss",
            "long,  -,   -,     -3%,  takeProfit",
            "long,  -,   -,     250%, -",
            "short, 100, 105,   90,   -",
            "short, 100, 150%,  5%,   -",
            "short, 100, 95,    -,    stopLoss",
            "short, 100, -,     105,  takeProfit",
            "short, -,   110,   115,  takeProfit",
            "short, -,   -,     100%, takeProfit",
            "short, -,   -2%,   -,    stopLoss"})
    @DisplayName("a signal's own levels: the broken rules name their fields")
    void ofSignal(String side, String reference, String stop, String target, String broken) {
        List<Violation> v = LevelRules.ofSignal(side.equals("long"), price(reference), level(stop), level(target));

        assertThat(v.stream().map(Violation::field).distinct().toList())
                .isEqualTo(broken == null ? List.of() : List.of(broken));
    }

    @ParameterizedTest(name = "{0} filled at {1}: stop {2}, target {3}")
    @CsvSource(nullValues = "-", value = {
            "long,  100.05, 95,     110,    -",
            "long,  100.05, 100.05, -,      stop-loss 100.05 is already crossed at the fill price 100.05",
            "long,  100.05, 101,    110,    stop-loss 101 is already crossed at the fill price 100.05",
            "long,  100.05, -,      100.02, take-profit 100.02 is already crossed at the fill price 100.05",
            "short, 99.95,  105,    90,     -",
            "short, 99.95,  99.9,   -,      stop-loss 99.9 is already crossed at the fill price 99.95",
            "short, 99.95,  -,      99.95,  take-profit 99.95 is already crossed at the fill price 99.95",
            "long,  100,    -,      -,      -"})
    @DisplayName("at the fill: a level already crossed gives the reason the order is refused")
    void crossedAtFill(String side, String fill, String stop, String target, String reason) {
        assertThat(LevelRules.crossedAtFill(side.equals("long"), price(fill), price(stop), price(target)).orElse(null))
                .isEqualTo(reason);
    }
}
