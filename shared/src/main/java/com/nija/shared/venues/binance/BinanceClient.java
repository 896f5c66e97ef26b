package com.nija.shared.venues.binance;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.broker.Fill;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import com.nija.shared.venues.VenueClient;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueResponse;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binance spot over its REST API (api.binance.com; the Spot Test Network for a {@code testnet} key), HMAC-signed.
 * <ul>
 *   <li><b>place</b>: {@code POST /api/v3/order} with our client order id as {@code newClientOrderId} and the FULL
 *       answer, whose {@code fills} give price and fee. Binance refuses a client order id only while an order under it
 *       is still open (-2010 "Duplicate order sent." — answered with that order's state); once it is done the id may
 *       be reused, so what keeps a retry single is the engine looking the order up before it places again.</li>
 *   <li><b>lookup</b>: {@code GET /api/v3/order} by {@code origClientOrderId} (-2013 → none), then
 *       {@code GET /api/v3/myTrades} by order id for the fee, which a query does not carry.</li>
 *   <li><b>cancel</b>: {@code DELETE /api/v3/order} (-2011/-2013 → nothing open under that id).</li>
 *   <li><b>check</b>: the key's switches from {@code /sapi/v1/account/apiRestrictions}; the testnet has no
 *       {@code /sapi}, so there the account's {@code canTrade}/{@code canWithdraw}.</li>
 *   <li><b>rules</b>: {@code GET /api/v3/exchangeInfo?symbol=} from production; <b>account</b>:
 *       {@code GET /api/v3/account} and {@code GET /api/v3/openOrders}.</li>
 * </ul>
 * A signed request refused for its timestamp (-1021: nothing was done) is sent once more after re-syncing with
 * Binance's clock ({@link BinanceServerTime}).
 */
public final class BinanceClient implements VenueClient {
    private final VenueHttp http;
    private final Map<String, String> env;
    private final BinanceServerTime serverTime;
    /** A market's assets never change: learned once per host and symbol, for converting fees. */
    private final Map<String, BinanceMarket> markets = new ConcurrentHashMap<>();

    public BinanceClient(VenueHttp http, Map<String, String> env, Clock clock) {
        this.http = http;
        this.env = Map.copyOf(env);
        this.serverTime = new BinanceServerTime(http, clock);
    }

    @Override
    public Venue venue() {
        return Venue.BINANCE;
    }

    @Override
    public Fill place(VenueCredentials key, VenueOrder order) {
        String action = "placing " + order.clientOrderId();
        Map<String, String> placement = placement(order);
        URI base = base(key);
        BinanceMarket market = marketBeforePlacing(base, order.venueSymbol());
        VenueResponse response = signed(key, base, "POST", "/api/v3/order", placement, action);
        Optional<BinanceError> error = BinanceError.of(response);
        if (error.isPresent()) {
            if (error.get().duplicateOrder()) {
                return lookup(key, order.venueSymbol(), order.clientOrderId()).orElseThrow(() -> new BrokerException(
                        Kind.UNKNOWN, "Binance reports " + order.clientOrderId() + " as a duplicate but has no such order"));
            }
            throw error.get().toException(action, response);
        }
        BinanceOrder placed = BinanceOrderReader.order(response.json());
        if (placed.filledAny() && placed.fills().isEmpty()) {
            // No fill details in the answer: read the order once, with its trades.
            return lookup(key, order.venueSymbol(), order.clientOrderId()).orElseThrow(() -> new BrokerException(
                    Kind.UNKNOWN, "Binance accepted " + order.clientOrderId() + " but cannot find it"));
        }
        return BinanceFills.fill(placed, placed.fills(), market, (asset, quote) -> lastPrice(base, asset + quote))
                .orElseThrow(() -> new BrokerException(Kind.REJECTED, "Binance ended " + order.clientOrderId() + " ("
                        + placed.status() + ") with nothing filled"));
    }

    @Override
    public Optional<Fill> lookup(VenueCredentials key, String venueSymbol, String clientOrderId) {
        String action = "looking up " + clientOrderId;
        URI base = base(key);
        BinanceMarket market = market(base, venueSymbol);
        VenueResponse response = signed(key, base, "GET", "/api/v3/order",
                params("symbol", venueSymbol, "origClientOrderId", clientOrderId), action);
        Optional<BinanceError> error = BinanceError.of(response);
        if (error.isPresent()) {
            if (error.get().unknownOrder()) return Optional.empty();
            throw error.get().toException(action, response);
        }
        BinanceOrder order = BinanceOrderReader.order(response.json());
        // Trades only for an order that is done: one still on the book is RESTING whatever it has filled so far.
        List<BinanceTrade> trades = order.filledAny() && !order.status().open()
                ? trades(key, base, order, action) : List.of();
        return BinanceFills.fill(order, trades, market, (asset, quote) -> lastPrice(base, asset + quote));
    }

    @Override
    public boolean cancel(VenueCredentials key, String venueSymbol, String clientOrderId) {
        String action = "cancelling " + clientOrderId;
        VenueResponse response = signed(key, base(key), "DELETE", "/api/v3/order",
                params("symbol", venueSymbol, "origClientOrderId", clientOrderId), action);
        Optional<BinanceError> error = BinanceError.of(response);
        if (error.isEmpty()) return true;
        if (error.get().unknownOrder()) return false;
        throw error.get().toException(action, response);
    }

    @Override
    public KeyCheck check(VenueCredentials key) {
        String action = "checking the key";
        // The testnet has no /sapi endpoints: its account's own switches stand in for the key's.
        String path = key.sandbox() ? "/api/v3/account" : "/sapi/v1/account/apiRestrictions";
        try {
            VenueResponse response = signed(key, base(key), "GET", path, params(), action);
            Optional<BinanceError> error = BinanceError.of(response);
            if (error.isPresent()) {
                String problem = error.get().keyRefused() ? "Binance refused the key: " + error.get().reason()
                        : "could not check the key: " + error.get().toException(action, response).getMessage();
                return KeyCheck.of(List.of(), List.of(problem), List.of());
            }
            return (key.sandbox() ? BinanceAccountReader.accountPermissions(response.json())
                    : BinanceAccountReader.restrictions(response.json())).check();
        } catch (BrokerException e) {
            return KeyCheck.of(List.of(), List.of("could not check the key: " + e.getMessage()), List.of());
        }
    }

    @Override
    public VenueRules rules(String venueSymbol) {
        return readMarket(Venue.BINANCE.baseUrl(false, env), venueSymbol).rules();
    }

    @Override
    public VenueAccount account(VenueCredentials key) {
        URI base = base(key);
        VenueResponse account = ok(signed(key, base, "GET", "/api/v3/account", params("omitZeroBalances", "true"),
                "reading balances"), "reading balances");
        VenueResponse open = ok(signed(key, base, "GET", "/api/v3/openOrders", params(), "reading open orders"),
                "reading open orders");
        return new VenueAccount(BinanceAccountReader.balances(account.json()),
                BinanceOrderReader.openOrders(open.json()));
    }

    private Map<String, String> placement(VenueOrder order) {
        if (order.side() == OrderSide.EXIT) {
            throw new BrokerException(Kind.REJECTED, "an order must buy or sell, not " + order.side());
        }
        Map<String, String> p = params("symbol", order.venueSymbol(), "side", order.side().name(),
                "type", order.orderType().name());
        if (order.orderType() == OrderType.LIMIT) {
            if (order.limitPrice() == null) throw new BrokerException(Kind.REJECTED, "a limit order needs a price");
            p.put("timeInForce", "GTC");
        }
        p.put("quantity", order.quantity().stripTrailingZeros().toPlainString());
        if (order.orderType() == OrderType.LIMIT) p.put("price", order.limitPrice().stripTrailingZeros().toPlainString());
        p.put("newClientOrderId", order.clientOrderId());
        p.put("newOrderRespType", "FULL");
        return p;
    }

    private List<BinanceTrade> trades(VenueCredentials key, URI base, BinanceOrder order, String action) {
        VenueResponse response = ok(signed(key, base, "GET", "/api/v3/myTrades",
                params("symbol", order.symbol(), "orderId", Long.toString(order.orderId())), action), action);
        return BinanceOrderReader.trades(response.json());
    }

    /**
     * Sends a SIGNED request; a -1021 (timestamp outside recvWindow — nothing was done) re-syncs with Binance's clock
     * and sends it once more.
     */
    private VenueResponse signed(VenueCredentials key, URI base, String method, String path, Map<String, String> params,
                                 String action) {
        VenueResponse response = http.send(BinanceRequests.signed(key, base, method, path, params,
                timestamp(base, action)));
        if (BinanceError.of(response).filter(BinanceError::timestampRefused).isEmpty()) return response;
        try {
            serverTime.resync(base);
        } catch (BrokerException e) {
            throw new BrokerException(Kind.NOT_PLACED, "Binance refused the request's timestamp while " + action
                    + " and its clock could not be read: " + e.getMessage());
        }
        return http.send(BinanceRequests.signed(key, base, method, path, params, timestamp(base, action)));
    }

    /** Our timestamp for Binance; if its clock must be read first and cannot be, the request was never sent. */
    private long timestamp(URI base, String action) {
        try {
            return serverTime.timestamp(base);
        } catch (BrokerException e) {
            throw new BrokerException(Kind.NOT_PLACED, "nothing sent while " + action + ": Binance's clock could not"
                    + " be read: " + e.getMessage());
        }
    }

    /** The market's assets, read before placing: if they cannot be read, nothing has been sent yet. */
    private BinanceMarket marketBeforePlacing(URI base, String symbol) {
        try {
            return market(base, symbol);
        } catch (BrokerException e) {
            if (e.kind() == Kind.REJECTED) throw e;
            throw new BrokerException(Kind.NOT_PLACED, "nothing placed: " + e.getMessage());
        }
    }

    private BinanceMarket market(URI base, String symbol) {
        String cacheKey = base + " " + symbol;
        BinanceMarket known = markets.get(cacheKey);
        if (known != null) return known;
        BinanceMarket read = readMarket(base, symbol);
        markets.put(cacheKey, read);
        return read;
    }

    private BinanceMarket readMarket(URI base, String symbol) {
        String action = "reading " + symbol + "'s rules";
        VenueResponse response = ok(http.send(BinanceRequests.publicGet(base, "/api/v3/exchangeInfo",
                params("symbol", symbol))), action);
        return BinanceAccountReader.market(response.json(), symbol);
    }

    /** Binance's last price of {@code symbol}; empty when it has no such market or cannot tell now. */
    private Optional<BigDecimal> lastPrice(URI base, String symbol) {
        try {
            VenueResponse response = http.send(BinanceRequests.publicGet(base, "/api/v3/ticker/price",
                    params("symbol", symbol)));
            return response.ok() ? Optional.of(BinanceAccountReader.tickerPrice(response.json())) : Optional.empty();
        } catch (BrokerException e) {
            return Optional.empty();
        }
    }

    private static VenueResponse ok(VenueResponse response, String action) {
        Optional<BinanceError> error = BinanceError.of(response);
        if (error.isPresent()) throw error.get().toException(action, response);
        return response;
    }

    private URI base(VenueCredentials key) {
        if (key.venue() != Venue.BINANCE) throw new IllegalArgumentException("not a Binance key: " + key);
        return Venue.BINANCE.baseUrl(key.sandbox(), env);
    }

    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) params.put(namesAndValues[i], namesAndValues[i + 1]);
        return params;
    }
}
