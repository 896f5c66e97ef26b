package com.nija.local.bench;

import com.nija.local.bench.VenueStub.Answer;
import com.nija.local.bench.VenueStub.Route;
import com.nija.shared.venues.Venue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bench broker} needs to know of one venue: the market and size of its documented market-order example,
 * the calls its client's {@code place} is documented to make (each client's Javadoc; its contract tests stub the same
 * calls) with the venue's documented answers, and the headers that authenticate a private call.
 *
 * @param firstOrderOnly calls the client makes once, with its first order (Binance reads a market's assets once)
 * @param perOrder       the calls of every {@code place}, in the order the client makes them
 */
record BenchVenue(Venue venue, String symbol, BigDecimal quantity, List<String> authHeaders, List<Route> routes,
                  List<String> firstOrderOnly, List<String> perOrder) {

    BenchVenue {
        authHeaders = List.copyOf(authHeaders);
        routes = List.copyOf(routes);
        firstOrderOnly = List.copyOf(firstOrderOnly);
        perOrder = List.copyOf(perOrder);
    }

    /** The calls expected while placing the client's {@code n}th order (0 = its first). */
    List<String> expectedCalls(int n) {
        if (n > 0) return perOrder;
        List<String> first = new ArrayList<>(firstOrderOnly);
        first.addAll(perOrder);
        return first;
    }

    static List<BenchVenue> all() {
        return List.of(coinbase(), kraken(), okx(), binance(), alpaca());
    }

    static BenchVenue of(Venue venue) {
        return all().stream().filter(v -> v.venue() == venue).findFirst().orElseThrow();
    }

    /** {@code CoinbaseClient.place}: Create Order, then Get Order by the id Coinbase answered (its fill). */
    private static BenchVenue coinbase() {
        Route create = new Route("POST", "/api/v3/brokerage/orders", Answer.ok("create-order-market-buy.json"), null,
                true, true, true);
        Route read = new Route("GET", "/api/v3/brokerage/orders/historical/" + VenueStub.VENUE_ORDER_ID, null,
                Answer.ok("get-order-market-filled.json"), false, true, true);
        return new BenchVenue(Venue.COINBASE, "BTC-USD", new BigDecimal("0.001"), List.of("Authorization"),
                List.of(create, read), List.of(), List.of(create.call(), read.call()));
    }

    /**
     * {@code KrakenClient.place}: OpenOrders and ClosedOrders by {@code cl_ord_id} (nothing there yet), AddOrder, then
     * QueryOrders by the txid AddOrder answered.
     */
    private static BenchVenue kraken() {
        Route open = new Route("POST", "/0/private/OpenOrders", Answer.ok("open-orders-none.json"), null,
                false, true, true);
        Route closed = new Route("POST", "/0/private/ClosedOrders", Answer.ok("closed-orders-none.json"), null,
                false, true, true);
        Route add = new Route("POST", "/0/private/AddOrder", Answer.ok("add-order.json"), null, true, true, true);
        Route query = new Route("POST", "/0/private/QueryOrders", null, Answer.ok("query-orders-filled.json"),
                false, true, true);
        return new BenchVenue(Venue.KRAKEN, "XBTUSD", new BigDecimal("0.25"), List.of("API-Key", "API-Sign"),
                List.of(open, closed, add, query), List.of(),
                List.of(open.call(), closed.call(), add.call(), query.call()));
    }

    /** {@code OkxClient.place}: Order details by {@code clOrdId} (51603, none), Place order, Order details again. */
    private static BenchVenue okx() {
        Route details = new Route("GET", "/api/v5/trade/order", new Answer(200, "order-not-found.json"),
                Answer.ok("order-filled-market-buy.json"), false, true, true);
        Route place = new Route("POST", "/api/v5/trade/order", Answer.ok("place-accepted.json"), null,
                true, true, true);
        return new BenchVenue(Venue.OKX, "BTC-USDT", new BigDecimal("0.00192834"),
                List.of("OK-ACCESS-KEY", "OK-ACCESS-SIGN", "OK-ACCESS-TIMESTAMP", "OK-ACCESS-PASSPHRASE"),
                List.of(details, place), List.of(), List.of(details.call(), place.call(), details.call()));
    }

    /**
     * {@code BinanceClient.place}: the market's assets from Exchange information (public, once per client), then New
     * order with the FULL answer, whose fills carry price and commission: one call an order.
     */
    private static BenchVenue binance() {
        Route exchangeInfo = new Route("GET", "/api/v3/exchangeInfo", Answer.ok("exchange-info-btcusdt.json"), null,
                false, false, false);
        Route order = new Route("POST", "/api/v3/order", Answer.ok("order-market-buy-filled.json"), null,
                true, true, true);
        return new BenchVenue(Venue.BINANCE, "BTCUSDT", new BigDecimal("0.0015"), List.of("X-MBX-APIKEY"),
                List.of(exchangeInfo, order), List.of(exchangeInfo.call()), List.of(order.call()));
    }

    /**
     * {@code AlpacaClient.place}: POST /v2/orders, whose answer for a market order is {@code pending_new}, so the
     * order is read once more by client order id.
     */
    private static BenchVenue alpaca() {
        Route create = new Route("POST", "/v2/orders", Answer.ok("order-pending-new.json"), null, true, true, true);
        Route byClientId = new Route("GET", "/v2/orders:by_client_order_id", null, Answer.ok("order-filled.json"),
                false, true, true);
        return new BenchVenue(Venue.ALPACA, "BTC/USD", new BigDecimal("0.001"),
                List.of("APCA-API-KEY-ID", "APCA-API-SECRET-KEY"), List.of(create, byClientId), List.of(),
                List.of(create.call(), byClientId.call()));
    }
}
