package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Market symbols in one canonical form")
class SymbolsTest {
    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "BTC-USD   | BTC-USD",
            "BTCUSD    | BTC-USD",
            "btc/usd   | BTC-USD",
            "btc_usd   | BTC-USD",
            "Btc-Usd   | BTC-USD",
            "ETHUSDT   | ETH-USDT",
            "ethusdc   | ETH-USDC",
            "ETHBTC    | ETH-BTC",
            "SOLEUR    | SOL-EUR",
            "1INCHUSD  | 1INCH-USD",
            "ETH-USDT  | ETH-USDT"})
    @DisplayName("the ways traders write a market all name the same canonical symbol")
    void spellingsOfOneMarket(String raw, String canonical) {
        assertThat(Symbols.normalize(raw)).contains(canonical);
    }

    @Test
    @DisplayName("surrounding spaces are ignored")
    void surroundingSpacesIgnored() {
        assertThat(Symbols.normalize("  btc-usd \t")).contains("BTC-USD");
    }

    @ParameterizedTest(name = "''{0}'' names no market")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "bitcoin", "BTC", "USD", "XUSD", "B-USD", "BTC-US", "BTC-U5D", "BTC-USD-X",
            "BTC USD", "BTC--USD", "ABCDEFGHIJK-USD", "BTC-USDTT", "BTC.USD", "€-USD", "DROP TABLE"})
    @DisplayName("text that names no market is refused")
    void junkIsRefused(String raw) {
        assertThat(Symbols.normalize(raw)).isEmpty();
    }
}
