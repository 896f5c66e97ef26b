package com.nija.shared.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VenueTest {
    @Test
    void baseUrlsComeFromTheEnvironmentElseTheVenuesDocumentedOnes() {
        assertThat(Venue.BINANCE.baseUrl(false, Map.of())).hasToString("https://api.binance.com");
        assertThat(Venue.BINANCE.baseUrl(true, Map.of())).hasToString("https://testnet.binance.vision");
        assertThat(Venue.ALPACA.baseUrl(true, Map.of())).hasToString("https://paper-api.alpaca.markets");
        Map<String, String> env = Map.of("NIJA_BROKER_KRAKEN_BASE_URL", "http://127.0.0.1:9000/",
                "NIJA_BROKER_ALPACA_SANDBOX_BASE_URL", "http://127.0.0.1:9001");
        assertThat(Venue.KRAKEN.baseUrl(false, env)).hasToString("http://127.0.0.1:9000");
        assertThat(Venue.ALPACA.baseUrl(true, env)).hasToString("http://127.0.0.1:9001");
        assertThat(Venue.ALPACA.baseUrl(false, env)).hasToString("https://api.alpaca.markets");
    }

    @Test
    void venuesParseByTheirWireNameOnly() {
        assertThat(Venue.parse("Coinbase")).contains(Venue.COINBASE);
        assertThat(Venue.parse("paper")).isEmpty();
        assertThat(Venue.parse(null)).isEmpty();
    }

    @Test
    void credentialsNeverShowASecretAndNeedEveryField() {
        VenueCredentials okx = new VenueCredentials(Venue.OKX,
                Map.of("apiKey", "key-1234abcd", "apiSecret", "s3cr3t-value", "passphrase", "pass-phrase"), true);
        assertThat(okx.toString()).doesNotContain("s3cr3t-value", "pass-phrase", "key-1234").contains("abcd");
        assertThat(okx.keyHint()).isEqualTo("…abcd");
        assertThatThrownBy(() -> new VenueCredentials(Venue.OKX, Map.of("apiKey", "k", "apiSecret", "s"), false))
                .hasMessage("missing passphrase");
    }
}
