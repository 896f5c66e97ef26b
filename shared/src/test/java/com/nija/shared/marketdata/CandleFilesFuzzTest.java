package com.nija.shared.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the candle file reader with any text a user might point the demo or a backtest at ({@code --data DIR}). It
 * either reads candles in rising time order that keep {@link Candle}'s rules, or refuses with a
 * {@link CandleFileException} naming a line of the input; anything else would end a backtest with a stack trace.
 */
class CandleFilesFuzzTest {
    @FuzzTest
    void text(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            List<Candle> candles = CandleFiles.parse(text);
            for (int i = 0; i < candles.size(); i++) {
                Candle c = candles.get(i);
                assertThat(c.high()).isGreaterThanOrEqualTo(c.low());
                assertThat(c.volume().signum()).isNotNegative();
                if (i > 0) assertThat(c.openTime()).isAfter(candles.get(i - 1).openTime());
            }
        } catch (CandleFileException refused) {
            assertThat(refused.line()).isBetween(1, (int) text.lines().count() + 1);
        }
    }
}
