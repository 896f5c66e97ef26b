package com.nija.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.local.bench.BrokerBenchmark.VenueResult;
import com.nija.local.bench.VenueStub.Route;
import com.nija.shared.venues.Venue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code bench broker} with a few orders per venue: that each venue's stub saw exactly the calls its client's
 * {@code place} is documented to make (listed here from the clients' Javadoc, not from the benchmark's own table),
 * that the printed table has every venue, and that a call the documentation does not list stops the run. Timings are
 * not asserted: they depend on the machine.
 */
class BrokerBenchmarkTest {
    private static final int ORDERS = 3;
    /** Every venue's run places its warm-up orders and then as many timed ones. */
    private static final long PLACES = 2L * ORDERS;

    @Test
    @DisplayName("each venue's stub receives exactly the calls its place documents, and the table has every venue")
    void everyVenueMakesItsDocumentedCalls() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<VenueResult> results = new BrokerBenchmark(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(BenchVenue.all(), ORDERS, 1);

        Map<Venue, VenueResult> byVenue = results.stream().collect(Collectors.toMap(r -> r.venue().venue(),
                Function.identity()));
        assertThat(byVenue).containsOnlyKeys(Venue.values());
        assertThat(byVenue.get(Venue.COINBASE).calls()).isEqualTo(Map.of(
                "POST /api/v3/brokerage/orders", PLACES,
                "GET /api/v3/brokerage/orders/historical/${venueOrderId}", PLACES));
        assertThat(byVenue.get(Venue.KRAKEN).calls()).isEqualTo(Map.of(
                "POST /0/private/OpenOrders", PLACES,
                "POST /0/private/ClosedOrders", PLACES,
                "POST /0/private/AddOrder", PLACES,
                "POST /0/private/QueryOrders", PLACES));
        assertThat(byVenue.get(Venue.OKX).calls()).isEqualTo(Map.of(
                "GET /api/v5/trade/order", 2 * PLACES,
                "POST /api/v5/trade/order", PLACES));
        assertThat(byVenue.get(Venue.BINANCE).calls()).isEqualTo(Map.of(
                "GET /api/v3/exchangeInfo", 1L,
                "POST /api/v3/order", PLACES));
        assertThat(byVenue.get(Venue.ALPACA).calls()).isEqualTo(Map.of(
                "POST /v2/orders", PLACES,
                "GET /v2/orders:by_client_order_id", PLACES));
        assertThat(results).allSatisfy(r -> assertThat(r.placeNanos().getTotalCount()).isEqualTo(ORDERS));

        String table = printed.toString(StandardCharsets.UTF_8);
        for (Venue venue : Venue.values()) {
            assertThat(table).containsPattern("(?m)^\\| " + venue.wire() + " \\| \\d");
        }
        assertThat(table).containsPattern("target ≤ 100 ms at p50: (met|NOT met)").contains("in a bare JVM");
    }

    @Test
    @DisplayName("a call the venue's place is not documented to make stops the benchmark and names the call")
    void undocumentedCallStopsTheRun() {
        BenchVenue kraken = BenchVenue.of(Venue.KRAKEN);
        List<Route> withoutClosedOrders = kraken.routes().stream()
                .filter(r -> !r.path().equals("/0/private/ClosedOrders")).toList();
        BenchVenue undocumented = new BenchVenue(kraken.venue(), kraken.symbol(), kraken.quantity(),
                kraken.authHeaders(), withoutClosedOrders, kraken.firstOrderOnly(),
                kraken.perOrder().stream().filter(c -> !c.endsWith("/ClosedOrders")).toList());

        assertThatThrownBy(() -> new BrokerBenchmark(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).places(List.of(undocumented), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "POST /0/private/ClosedOrders is not a call kraken's place is documented to make");
    }

    @Test
    @DisplayName("a place that makes more calls than documented stops the benchmark with both lists")
    void extraCallStopsTheRun() {
        BenchVenue alpaca = BenchVenue.of(Venue.ALPACA);
        BenchVenue placeOnly = new BenchVenue(alpaca.venue(), alpaca.symbol(), alpaca.quantity(), alpaca.authHeaders(),
                alpaca.routes(), alpaca.firstOrderOnly(), List.of("POST /v2/orders"));

        assertThatThrownBy(() -> new BrokerBenchmark(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).places(List.of(placeOnly), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its place is documented to make [POST /v2/orders]")
                .hasMessageContaining("the stub received [POST /v2/orders, GET /v2/orders:by_client_order_id]");
    }
}
