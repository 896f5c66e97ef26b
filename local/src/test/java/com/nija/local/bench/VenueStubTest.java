package com.nija.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.local.bench.VenueStub.Order;
import com.nija.shared.venues.Venue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark's venue stub answers only what a venue documents for the order it plays; it names what it refuses. */
class VenueStubTest {
    private static final Order ORDER = new Order("o-00000000000000000000abcd", "5f0c1e9a-0000-3000-8000-000000000001");
    private final HttpClient http = HttpClient.newHttpClient();
    private VenueStub coinbase;

    @BeforeEach
    void start() throws Exception {
        BenchVenue v = BenchVenue.of(Venue.COINBASE);
        coinbase = new VenueStub("coinbase", v.routes(), v.authHeaders());
        coinbase.play(ORDER);
    }

    @AfterEach
    void stop() {
        coinbase.close();
    }

    @Test
    @DisplayName("a placement answers the documented body with the order's ids, and the fill can be read after it")
    void placesThenReads() throws Exception {
        HttpResponse<String> placed = send("POST", "/api/v3/brokerage/orders", "Bearer x",
                "{\"client_order_id\":\"" + ORDER.clientOrderId() + "\"}");
        HttpResponse<String> read = send("GET", "/api/v3/brokerage/orders/historical/" + ORDER.venueOrderId(),
                "Bearer x", "");

        assertThat(placed.statusCode()).isEqualTo(200);
        assertThat(placed.body()).contains("\"order_id\": \"" + ORDER.venueOrderId() + "\"")
                .contains("\"client_order_id\": \"" + ORDER.clientOrderId() + "\"");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\": \"FILLED\"");
        assertThat(coinbase.problems()).isEmpty();
        assertThat(coinbase.orderCalls()).containsExactly("POST /api/v3/brokerage/orders",
                "GET /api/v3/brokerage/orders/historical/${venueOrderId}");
    }

    @Test
    @DisplayName("reading the order before it is placed, or placing it twice, is refused as undocumented")
    void refusesCallsTheOrdersStateDoesNotAllow() throws Exception {
        String body = "{\"client_order_id\":\"" + ORDER.clientOrderId() + "\"}";
        HttpResponse<String> early = send("GET", "/api/v3/brokerage/orders/historical/" + ORDER.venueOrderId(),
                "Bearer x", "");
        send("POST", "/api/v3/brokerage/orders", "Bearer x", body);
        HttpResponse<String> again = send("POST", "/api/v3/brokerage/orders", "Bearer x", body);

        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(coinbase.problems()).containsExactly(
                "GET /api/v3/brokerage/orders/historical/${venueOrderId} before the order is placed is not a call "
                        + "coinbase's place is documented to make",
                "POST /api/v3/brokerage/orders after the order is placed is not a call coinbase's place is "
                        + "documented to make");
    }

    @Test
    @DisplayName("a private call without the venue's authentication header, or for another order, is refused")
    void refusesUnsignedAndForeignCalls() throws Exception {
        HttpResponse<String> unsigned = send("POST", "/api/v3/brokerage/orders", null,
                "{\"client_order_id\":\"" + ORDER.clientOrderId() + "\"}");
        HttpResponse<String> foreign = send("POST", "/api/v3/brokerage/orders", "Bearer x",
                "{\"client_order_id\":\"o-99999999999999999999ffff\"}");

        assertThat(unsigned.statusCode()).isEqualTo(404);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(coinbase.problems()).containsExactly(
                "POST /api/v3/brokerage/orders without Authorization",
                "POST /api/v3/brokerage/orders does not name order " + ORDER.clientOrderId());
        assertThat(coinbase.totals()).containsEntry("POST /api/v3/brokerage/orders", 2L);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(coinbase.baseUrl() + path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
