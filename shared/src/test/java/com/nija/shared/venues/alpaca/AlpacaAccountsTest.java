package com.nija.shared.venues.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Crypto positions are named by their USD pair, old style or new ("Crypto Trading": BTC/USD was BTCUSD). */
class AlpacaAccountsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"BTCUSD, BTC", "BTC/USD, BTC", "ethusd, ETH", "USDTUSD, USDT", "USD, USD", "SHIB/USD, SHIB"})
    @DisplayName("A position's symbol names the asset held")
    void asset(String symbol, String asset) {
        assertThat(AlpacaAccounts.asset(symbol)).isEqualTo(asset);
    }
}
