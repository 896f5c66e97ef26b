package com.nija.shared.venues.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.json.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KrakenAssetsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"XXBT, BTC", "XETH, ETH", "ZUSD, USD", "ZEUR, EUR", "XXDG, DOGE", "ZGBP, GBP", "XLTC, LTC",
        "XBT, BTC", "XBT.F, BTC.F", "ETH2.S, ETH2.S", "USDT, USDT", "DOT, DOT", "ZETA, ZETA", "XTZ, XTZ"})
    @DisplayName("Kraken's asset codes become the names the rest of NIJA uses")
    void normalise(String kraken, String nija) {
        assertThat(KrakenAssets.normalise(kraken)).isEqualTo(nija);
    }

    @Test
    @DisplayName("two Kraken codes for one asset are added up")
    void sameAssetTwice() {
        var balances = KrakenAssets.balances(Json.readTree("{\"XXBT\":\"1.5\",\"XBT\":\"0.25\",\"ZUSD\":\"10\"}")
                .orElseThrow());

        assertThat(balances).containsEntry("BTC", new BigDecimal("1.75")).containsEntry("USD", new BigDecimal("10"))
                .hasSize(2);
    }
}
