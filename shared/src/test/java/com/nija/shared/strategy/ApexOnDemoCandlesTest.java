package com.nija.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleFiles;
import com.nija.shared.marketdata.CandleInterval;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo only trades by itself if APEX finds entries in the candles it replays. */
class ApexOnDemoCandlesTest {
    @Test
    @DisplayName("APEX finds entries in each demo market's committed 5m candles")
    void findsEntriesInTheDemoCandles() {
        ApexStrategy apex = new ApexStrategy(ApexParameters.load());
        int window = apex.parameters().warmupCandles() + 60;
        for (String symbol : apex.parameters().markets()) {
            List<Candle> candles = CandleFiles.read(CandleFiles.forSymbol(Path.of("..", "events", "market"), symbol,
                    CandleInterval.FIVE_MINUTES));
            int entries = 0;
            // every third close: enough to find entries, a third of the ta4j work
            for (int end = window; end <= candles.size(); end += 3) {
                ApexDecision.Action action = apex.evaluate(symbol, candles.subList(end - window, end)).action();
                if (action == ApexDecision.Action.BUY || action == ApexDecision.Action.SELL) entries++;
            }
            assertThat(entries).as(symbol).isPositive();
        }
    }
}
