package com.nija.shared.venues.alpaca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.json.Json;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.ClientOrderIds;
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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Alpaca's crypto trading through its Trading API v2 (docs.alpaca.markets: "Orders", "Crypto Orders", "Assets",
 * "Account", "Positions"). A paper key (the {@code paper} flag) goes to the paper host, a live key to the live one
 * ({@link Venue#baseUrl}).
 * <ul>
 *   <li>place: {@code POST /v2/orders} with {@code qty} as a string and {@code time_in_force: gtc} (crypto takes
 *       {@code gtc} or {@code ioc}); {@code client_order_id} is NIJA's order id. When the answer is not final (a
 *       market order Alpaca has only accepted) the order is read once more. A taken client order id (422,
 *       {@code client_order_id must be unique}) answers the existing order's state — never a second order;</li>
 *   <li>lookup: {@code GET /v2/orders:by_client_order_id} (404: none); an order that ended with nothing filled reads
 *       as none, as the paper broker reads a cancelled one;</li>
 *   <li>cancel: {@code DELETE /v2/orders/{id}} of the order found by lookup (404/422: not cancelable, false);</li>
 *   <li>check: {@code GET /v2/account} ({@link AlpacaAccounts#check});</li>
 *   <li>account: {@code GET /v2/account} (USD cash), {@code /v2/positions} (crypto held) and
 *       {@code /v2/orders?status=open}.</li>
 * </ul>
 *
 * <p>Fees: Alpaca's orders carry none and its crypto fee activities ({@code CFEE}) are posted at the end of the day
 * without naming the order, so fills record a zero fee ({@link AlpacaOrder}).
 *
 * <p>Rules: Alpaca publishes a pair's order rules only through {@code GET /v2/assets/{symbol}}, which needs a key,
 * while {@link #rules(String)} has none. It answers the instrument list's Alpaca rules ({@code listedRules}); with a
 * trader's key, {@link #rules(VenueCredentials, String)} reads the asset itself.
 */
public final class AlpacaClient implements VenueClient {
    /** The most orders {@code GET /v2/orders} returns in one answer. */
    private static final int MAX_ORDERS = 500;

    private final VenueHttp http;
    private final Map<String, String> env;
    private final Clock clock;
    private final Function<String, Optional<VenueRules>> listedRules;

    /**
     * @param listedRules the rules the instrument list holds for an Alpaca pair ({@code BTC/USD}), empty when it
     *                    lists none
     */
    public AlpacaClient(VenueHttp http, Map<String, String> env, Clock clock,
                        Function<String, Optional<VenueRules>> listedRules) {
        this.http = http;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.listedRules = listedRules;
    }

    @Override
    public Venue venue() {
        return Venue.ALPACA;
    }

    @Override
    public Fill place(VenueCredentials key, VenueOrder order) {
        VenueResponse response = send(key, "POST", "/v2/orders", orderBody(order));
        if (response.ok()) {
            AlpacaOrder placed = AlpacaOrder.read(response.json());
            return outcome(placed.working() ? readAgain(key, placed) : placed);
        }
        if (AlpacaErrors.duplicateClientOrderId(response)) {
            return outcome(find(key, order.clientOrderId()).orElseThrow(() -> new BrokerException(
                    BrokerException.Kind.UNKNOWN, "Alpaca says client order id " + order.clientOrderId()
                    + " is taken but shows no order under it")));
        }
        throw AlpacaErrors.refusedOrder(response, clock);
    }

    @Override
    public Optional<Fill> lookup(VenueCredentials key, String venueSymbol, String clientOrderId) {
        return find(key, clientOrderId).flatMap(AlpacaOrder::fill);
    }

    @Override
    public boolean cancel(VenueCredentials key, String venueSymbol, String clientOrderId) {
        Optional<AlpacaOrder> order = find(key, clientOrderId).filter(AlpacaOrder::working);
        if (order.isEmpty()) return false;
        VenueResponse response = send(key, "DELETE", "/v2/orders/" + encode(order.get().id()), null);
        if (response.ok()) return true;
        if (response.status() == 404 || response.status() == 422) return false;
        throw AlpacaErrors.refusedRead(response, "the cancel", clock);
    }

    /** Never throws for a key Alpaca refuses (401/403): that is reported. Alpaca being unreachable or slow throws. */
    @Override
    public KeyCheck check(VenueCredentials key) {
        VenueResponse response = send(key, "GET", "/v2/account", null);
        if (response.ok()) return AlpacaAccounts.check(response.json());
        if (response.status() == 401 || response.status() == 403) {
            return KeyCheck.of(List.of(), List.of("Alpaca refused the key: " + AlpacaErrors.reason(response)), List.of());
        }
        throw AlpacaErrors.refusedRead(response, "the account", clock);
    }

    /** The instrument list's rules for {@code venueSymbol}: Alpaca's own need a key (see the class comment). */
    @Override
    public VenueRules rules(String venueSymbol) {
        return listedRules.apply(venueSymbol).orElseThrow(() -> new BrokerException(BrokerException.Kind.REJECTED,
                "NIJA lists no Alpaca rules for " + venueSymbol + ", and Alpaca shows a pair's rules only to a key"));
    }

    /**
     * {@code venueSymbol}'s rules as Alpaca publishes them to {@code key}; the minimum notional, which Alpaca's asset
     * does not carry, from the instrument list (zero when it lists the pair not).
     */
    public VenueRules rules(VenueCredentials key, String venueSymbol) {
        VenueResponse response = send(key, "GET", "/v2/assets/" + encode(venueSymbol), null);
        if (response.status() == 404) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "Alpaca has no asset " + venueSymbol);
        }
        if (!response.ok()) throw AlpacaErrors.refusedRead(response, "the asset", clock);
        BigDecimal minNotional = listedRules.apply(venueSymbol).map(VenueRules::minNotional).orElse(BigDecimal.ZERO);
        return AlpacaAssets.rules(venueSymbol, response.json(), minNotional);
    }

    @Override
    public VenueAccount account(VenueCredentials key) {
        VenueResponse account = read(key, "/v2/account", "the account");
        VenueResponse positions = read(key, "/v2/positions", "the positions");
        VenueResponse open = read(key, "/v2/orders?status=open&limit=" + MAX_ORDERS, "the open orders");
        List<VenueAccount.OpenOrder> openOrders = AlpacaOrder.readList(open.json()).stream()
                .map(o -> new VenueAccount.OpenOrder(nijaClientOrderId(o.clientOrderId()), o.id(), o.symbol(), o.side(),
                        o.quantity(), o.filledQuantity(), o.limitPrice()))
                .toList();
        return new VenueAccount(AlpacaAccounts.balances(account.json(), positions.json()), openOrders);
    }

    private Optional<AlpacaOrder> find(VenueCredentials key, String clientOrderId) {
        VenueResponse response = send(key, "GET", "/v2/orders:by_client_order_id?client_order_id=" + encode(clientOrderId), null);
        if (response.status() == 404) return Optional.empty();
        if (!response.ok()) throw AlpacaErrors.refusedRead(response, "the order lookup", clock);
        return Optional.of(AlpacaOrder.read(response.json()));
    }

    /** The placed order as Alpaca shows it now; the place answer itself when that read fails — the order exists. */
    private AlpacaOrder readAgain(VenueCredentials key, AlpacaOrder placed) {
        try {
            return find(key, placed.clientOrderId()).orElse(placed);
        } catch (BrokerException notNow) {
            return placed;
        }
    }

    private static Fill outcome(AlpacaOrder order) {
        return order.fill().orElseThrow(() -> new BrokerException(BrokerException.Kind.REJECTED,
                "Alpaca ended order " + order.clientOrderId() + " with nothing filled"));
    }

    private VenueResponse read(VenueCredentials key, String pathAndQuery, String what) {
        VenueResponse response = send(key, "GET", pathAndQuery, null);
        if (!response.ok()) throw AlpacaErrors.refusedRead(response, what, clock);
        return response;
    }

    private VenueResponse send(VenueCredentials key, String method, String pathAndQuery, String jsonBody) {
        URI uri = URI.create(venue().baseUrl(key.sandbox(), env) + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json");
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody)).header("Content-Type", "application/json");
        }
        return http.send(AlpacaAuth.authenticate(request, key));
    }

    private static String orderBody(VenueOrder order) {
        if (order.side() == OrderSide.EXIT) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "an order sent to Alpaca must buy or sell");
        }
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("symbol", order.venueSymbol())
                .put("qty", order.quantity().toPlainString())
                .put("side", order.side() == OrderSide.BUY ? "buy" : "sell")
                .put("type", order.orderType() == OrderType.LIMIT ? "limit" : "market")
                .put("time_in_force", "gtc")
                .put("client_order_id", order.clientOrderId());
        if (order.orderType() == OrderType.LIMIT) {
            if (order.limitPrice() == null) {
                throw new BrokerException(BrokerException.Kind.REJECTED, "a limit order needs a limit price");
            }
            body.put("limit_price", order.limitPrice().toPlainString());
        }
        return body.toString();
    }

    /** NIJA's client order id, or empty for an order someone else placed (Alpaca then made up a UUID). */
    private static String nijaClientOrderId(String clientOrderId) {
        try {
            return ClientOrderIds.forVenue(Venue.ALPACA, clientOrderId).equals(clientOrderId) ? clientOrderId : "";
        } catch (IllegalArgumentException notNijas) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
