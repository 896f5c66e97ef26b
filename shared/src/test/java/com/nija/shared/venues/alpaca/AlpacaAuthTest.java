package com.nija.shared.venues.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Alpaca documents no signature to reproduce: its worked example (docs "Crypto Orders", the {@code curl} to
 * {@code paper-api.alpaca.markets/v2/orders}) sends the key id and the secret key as they are, in two headers.
 */
class AlpacaAuthTest {

    @Test
    @DisplayName("A request carries the key id and the secret key as issued, under Alpaca's two header names")
    void documentedHeaders() {
        VenueCredentials key = new VenueCredentials(Venue.ALPACA,
                Map.of("keyId", "PKEXAMPLEKEY", "secretKey", "exampleSecret/With+Symbols="), true);

        HttpRequest request = AlpacaAuth.authenticate(
                HttpRequest.newBuilder(URI.create("https://paper-api.alpaca.markets/v2/orders")), key).build();

        assertThat(request.headers().allValues("APCA-API-KEY-ID")).containsExactly("PKEXAMPLEKEY");
        assertThat(request.headers().allValues("APCA-API-SECRET-KEY")).containsExactly("exampleSecret/With+Symbols=");
    }

    @Test
    @DisplayName("Another venue's key is never sent to Alpaca, and the refusal shows no secret")
    void otherVenuesKey() {
        VenueCredentials kraken = new VenueCredentials(Venue.KRAKEN,
                Map.of("apiKey", "KRAKENKEY1234", "apiSecret", "kraken-secret"), false);

        assertThatThrownBy(() -> AlpacaAuth.authenticate(HttpRequest.newBuilder(URI.create("https://x.test/")), kraken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("kraken-secret");
    }
}
