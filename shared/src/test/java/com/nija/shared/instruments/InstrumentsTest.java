package com.nija.shared.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The instrument list: what it names, under which venue symbols, and what it refuses. */
class InstrumentsTest {
    private final Instruments instruments = new Instruments();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"BTC-USD, BTC-USD", "btcusd, BTC-USD", "BTC/USD, BTC-USD", "XBTUSD, BTC-USD", "XXBTZUSD, BTC-USD",
            "ethusd, ETH-USD", "BTCUSDT, BTC-USDT", "SOL-USDT, SOL-USDT", "XDGUSD, DOGE-USD", "ADA-USD, ADA-USD"})
    @DisplayName("a listed market is found by its canonical name, its other spellings, and each venue's own name")
    void findsListedMarkets(String raw, String symbol) {
        assertThat(instruments.symbol(raw)).hasValue(symbol);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"FOO-BAR", "BTC-EUR", "XBT-USD", "", "BENCH-USD"})
    @DisplayName("anything else is not a market NIJA trades")
    void refusesTheRest(String raw) {
        assertThat(instruments.find(raw)).isEmpty();
    }

    @Test
    @DisplayName("each venue's symbol and rules are read from the list: Kraken names BTC-USD XBTUSD with a 0.1 tick")
    void venueRules() {
        Instrument btc = instruments.find("BTC-USD").orElseThrow();

        assertThat(btc.on("coinbase").orElseThrow().symbol()).isEqualTo("BTC-USD");
        assertThat(btc.on("kraken").orElseThrow().symbol()).isEqualTo("XBTUSD");
        assertThat(btc.on("kraken").orElseThrow().tick()).isEqualByComparingTo("0.1");
        assertThat(btc.on("alpaca").orElseThrow().symbol()).isEqualTo("BTC/USD");
        assertThat(btc.on("binance")).isEmpty(); // Binance lists BTC against USDT: another market
        assertThat(instruments.find("BTC-USDT").orElseThrow().on("binance").orElseThrow().symbol()).isEqualTo("BTCUSDT");
        assertThat(instruments.all()).allSatisfy(i -> {
            assertThat(i.minSize()).isPositive();
            assertThat(i.sizeStep()).isPositive();
            assertThat(i.tick()).isPositive();
            assertThat(i.venues()).isNotEmpty();
        });
    }

    @Test
    @DisplayName("the local platform may register a paper-only market; only canonical names")
    void registersPaperMarkets() {
        instruments.register("BENCH-USD");

        assertThat(instruments.symbol("benchusd")).hasValue("BENCH-USD");
        assertThat(instruments.find("BENCH-USD").orElseThrow().venues()).isEmpty();
        assertThatThrownBy(() -> instruments.register("benchusd")).isInstanceOf(IllegalArgumentException.class);
    }
}
