package com.nija.shared.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.engine.OrderIds;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClientOrderIdsTest {
    private static final String ORDER = OrderIds.of("signal-1", "trader-1");

    @Test
    void eachVenueGetsTheFormatItAccepts() {
        assertThat(ClientOrderIds.forVenue(Venue.OKX, ORDER)).matches("[A-Za-z0-9]{1,32}");
        assertThat(ClientOrderIds.forVenue(Venue.BINANCE, ORDER)).matches("^[.A-Z:/a-z0-9_-]{1,36}$");
        assertThat(UUID.fromString(ClientOrderIds.forVenue(Venue.KRAKEN, ORDER)).toString())
                .isEqualTo(ClientOrderIds.forVenue(Venue.KRAKEN, ORDER));
        assertThat(ClientOrderIds.forVenue(Venue.COINBASE, ORDER)).isEqualTo(ORDER);
        assertThat(ClientOrderIds.forVenue(Venue.ALPACA, ORDER)).isEqualTo(ORDER);
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    void aRetryNamesTheSameOrderAndDifferentOrdersNeverCollide(Venue venue) {
        assertThat(ClientOrderIds.forVenue(venue, ORDER)).isEqualTo(ClientOrderIds.forVenue(venue, ORDER));
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 5_000).forEach(i -> ids.add(ClientOrderIds.forVenue(venue, OrderIds.of("s" + i, "t"))));
        assertThat(ids).hasSize(5_000);
    }

    @Test
    void refusesAnythingButOurOrderIds() {
        assertThatThrownBy(() -> ClientOrderIds.forVenue(Venue.OKX, "o-../../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
