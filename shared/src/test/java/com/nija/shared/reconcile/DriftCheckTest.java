package com.nija.shared.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.instruments.Instruments;
import com.nija.shared.order.OrderSide;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Open live positions against a venue's balances: drift is the venue holding less than the positions. */
class DriftCheckTest {
    private static final Instruments INSTRUMENTS = new Instruments();
    private static final BigDecimal TOLERANCE = new BigDecimal("0.005");
    private static final Instant AT = Instant.parse("2031-06-16T12:00:00Z");

    private static LiveHolding btc(String id, String quantity) {
        return new LiveHolding(id, "kraken", "BTC-USD", "LONG", new BigDecimal(quantity));
    }

    private static VenueAccount holding(Map<String, String> balances, VenueAccount.OpenOrder... orders) {
        Map<String, BigDecimal> b = new java.util.HashMap<>();
        balances.forEach((asset, qty) -> b.put(asset, new BigDecimal(qty)));
        return new VenueAccount(b, List.of(orders));
    }

    private static List<PositionDrift> compare(List<LiveHolding> holdings, VenueAccount account) {
        return DriftCheck.compare(Venue.KRAKEN, holdings, account, INSTRUMENTS, TOLERANCE, AT);
    }

    @Test
    @DisplayName("the venue holding what the positions hold, or more (the trader's own coins), is no drift")
    void noDrift() {
        List<LiveHolding> positions = List.of(btc("p1", "0.3"), btc("p2", "0.2"));

        assertThat(compare(positions, holding(Map.of("BTC", "0.5", "USD", "120.00")))).isEmpty();
        assertThat(compare(positions, holding(Map.of("BTC", "2.75")))).isEmpty();
        assertThat(compare(List.of(), holding(Map.of("BTC", "0")))).isEmpty();
    }

    @Test
    @DisplayName("the venue holding less than the positions add up to is drift, with how much is missing and which positions")
    void venueHoldsLess() {
        List<PositionDrift> drift = compare(List.of(btc("p1", "0.3"), btc("p2", "0.2")),
                holding(Map.of("BTC", "0.2")));

        assertThat(drift).containsExactly(new PositionDrift("kraken", "BTC", new BigDecimal("0.5"),
                new BigDecimal("0.2"), new BigDecimal("0.3"), List.of("p1", "p2"), 0, AT));
    }

    @Test
    @DisplayName("an asset the venue has no balance of at all is drift of the whole quantity")
    void noBalanceAtAll() {
        List<PositionDrift> drift = compare(List.of(btc("p1", "0.01")), holding(Map.of("USD", "1000")));

        assertThat(drift).singleElement().satisfies(d -> {
            assertThat(d.held()).isEqualByComparingTo("0");
            assertThat(d.missing()).isEqualByComparingTo("0.01");
        });
    }

    @Test
    @DisplayName("a fee taken in the base asset (0.1% at Binance) stays within the 0.5% tolerance; 0.6% does not")
    void tolerance() {
        List<LiveHolding> positions = List.of(btc("p1", "1.0"));

        assertThat(compare(positions, holding(Map.of("BTC", "0.999")))).isEmpty();
        assertThat(compare(positions, holding(Map.of("BTC", "0.995")))).isEmpty();
        assertThat(compare(positions, holding(Map.of("BTC", "0.994")))).hasSize(1);
    }

    @Test
    @DisplayName("short positions and paper-size dust do not count: spot venues hold nothing for a short")
    void shortsIgnored() {
        LiveHolding shortBtc = new LiveHolding("s1", "kraken", "BTC-USD", "SHORT", new BigDecimal("1"));

        assertThat(compare(List.of(shortBtc), holding(Map.of()))).isEmpty();
    }

    @Test
    @DisplayName("orders still open at the venue on the asset's markets, named by the venue's symbol, are counted in the drift")
    void openOrdersCounted() {
        VenueAccount.OpenOrder sell = new VenueAccount.OpenOrder("o-1", "OABC", "XBTUSD", OrderSide.SELL,
                new BigDecimal("0.1"), BigDecimal.ZERO, new BigDecimal("70000"));
        VenueAccount.OpenOrder eth = new VenueAccount.OpenOrder("", "OXYZ", "ETHUSD", OrderSide.BUY,
                new BigDecimal("1"), BigDecimal.ZERO, new BigDecimal("3000"));

        List<PositionDrift> drift = compare(List.of(btc("p1", "0.5")), holding(Map.of("BTC", "0.1"), sell, eth));

        assertThat(drift).singleElement().extracting(PositionDrift::openOrders).isEqualTo(1);
    }

    @Test
    @DisplayName("each asset is compared on its own: ETH short at the venue while BTC is whole")
    void perAsset() {
        LiveHolding eth = new LiveHolding("e1", "kraken", "ETH-USD", "LONG", new BigDecimal("2"));

        List<PositionDrift> drift = compare(List.of(btc("p1", "0.5"), eth), holding(Map.of("BTC", "0.5", "ETH", "1.5")));

        assertThat(drift).extracting(PositionDrift::asset).containsExactly("ETH");
        assertThat(drift.get(0).missing()).isEqualByComparingTo("0.5");
    }
}
