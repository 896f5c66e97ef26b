package com.nija.shared.venues.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.json.Json;
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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Coinbase Advanced Trade (REST v3, {@code /api/v3/brokerage}) for a CDP API key: {@code keyName}
 * ({@code organizations/…/apiKeys/…}) and {@code privateKey} (its EC private key in PEM). Every private call carries a
 * fresh JWT ({@link CoinbaseSigner}).
 *
 * <p>Coinbase keeps a client order id: placing one again does not place a second order, it answers with the order
 * already placed under it (Create Order, {@code client_order_id}; coinbase-advanced-py issue 105, where a reused id
 * "succeeded" without a new order) — which this client then reads, so a retry learns the first order's state. A
 * refusal that names a duplicate client order id is handled the same way, by looking the order up. Coinbase has no
 * look-up by client order id ({@code GET /orders/historical/{order_id}} needs the venue's id; its
 * {@code client_order_id} parameter is deprecated and still needs one), so {@link #lookup} searches the market's open
 * orders, then its latest {@value #HISTORY_PAGES} pages of {@value #PAGE_SIZE} orders. An order older than that is
 * reported as absent, which is safe here: placing it again under the same id answers with that order.
 */
public final class CoinbaseClient implements VenueClient {
    static final String API = "/api/v3/brokerage";
    static final int PAGE_SIZE = 100;
    static final int HISTORY_PAGES = 5;
    private static final int OPEN_PAGES = 20;
    private static final int ACCOUNT_PAGES = 20;
    /** {@code GET /accounts} allows 250 a page (its documented maximum). */
    private static final int ACCOUNTS_PER_PAGE = 250;
    private static final String ORDERS = API + "/orders";
    private static final String ORDER_LIST = ORDERS + "/historical/batch";
    /** Cancel failures that mean the order is no longer open. */
    private static final Set<String> NOTHING_OPEN = Set.of("UNKNOWN_CANCEL_ORDER", "ORDER_IS_FULLY_FILLED");
    /** A cancel already asked for: the order is on its way out. */
    private static final String CANCEL_UNDER_WAY = "DUPLICATE_CANCEL_REQUEST";

    private final VenueHttp http;
    private final Map<String, String> env;
    private final CoinbaseSigner signer;

    public CoinbaseClient(VenueHttp http, Map<String, String> env, Clock clock) {
        this.http = http;
        this.env = Map.copyOf(env);
        this.signer = new CoinbaseSigner(clock);
    }

    @Override
    public Venue venue() {
        return Venue.COINBASE;
    }

    /**
     * {@code POST /orders}, then {@code GET /orders/historical/{order_id}}: Coinbase's answer names the order but
     * not its fill. A failure to read it after Coinbase accepted the order is {@code UNKNOWN} (look it up), never
     * {@code NOT_PLACED}.
     */
    @Override
    public Fill place(VenueCredentials key, VenueOrder order) {
        VenueResponse r = send(key, "POST", ORDERS, null, orderBody(order));
        if (!r.ok()) {
            JsonNode body = r.json();
            boolean refusal = r.status() >= 400 && r.status() < 500 && r.status() != 401 && r.status() != 429;
            if (refusal && CoinbaseErrors.duplicate(CoinbaseErrors.code(body), CoinbaseErrors.message(body))) {
                return alreadyPlaced(key, order);
            }
            throw CoinbaseErrors.of(r, "the order");
        }
        CoinbaseResponses.Placed placed = CoinbaseResponses.placed(r.json());
        if (placed instanceof CoinbaseResponses.Placed.Accepted accepted) return outcome(readPlaced(key, accepted.orderId()));
        CoinbaseResponses.Placed.Refused refused = (CoinbaseResponses.Placed.Refused) placed;
        if (CoinbaseErrors.duplicate(refused.code(), refused.message())) return alreadyPlaced(key, order);
        throw new BrokerException(BrokerException.Kind.REJECTED, "Coinbase refused the order: "
                + CoinbaseErrors.reason(refused.code(), refused.message()));
    }

    /** The order under {@code clientOrderId} on {@code venueSymbol}; empty when none, or when it ended with nothing filled. */
    @Override
    public Optional<Fill> lookup(VenueCredentials key, String venueSymbol, String clientOrderId) {
        return find(key, venueSymbol, clientOrderId).flatMap(CoinbaseOrder::fill);
    }

    /** {@code POST /orders/batch_cancel} with the venue's id of the open order under {@code clientOrderId}. */
    @Override
    public boolean cancel(VenueCredentials key, String venueSymbol, String clientOrderId) {
        Optional<CoinbaseOrder> open = first(key, openOn(venueSymbol), OPEN_PAGES, byClientId(clientOrderId));
        if (open.isEmpty()) return false;
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("order_ids").add(open.get().orderId());
        VenueResponse r = send(key, "POST", ORDERS + "/batch_cancel", null, body);
        if (!r.ok()) throw CoinbaseErrors.of(r, "the cancel");
        Optional<String> failure = CoinbaseResponses.cancelFailure(r.json());
        if (failure.isEmpty() || failure.get().equals(CANCEL_UNDER_WAY)) return true;
        if (NOTHING_OPEN.contains(failure.get())) return false;
        throw new BrokerException(BrokerException.Kind.REJECTED, "Coinbase refused to cancel order " + clientOrderId
                + ": " + failure.get());
    }

    /**
     * {@code GET /key_permissions}. A key Coinbase refuses (401, 403) or a private key that is not one is reported;
     * a rate limit, a 5xx or no answer says nothing about the key and is thrown.
     */
    @Override
    public KeyCheck check(VenueCredentials key) {
        try {
            VenueResponse r = send(key, "GET", API + "/key_permissions", null, null);
            if (r.ok()) return CoinbaseResponses.permissions(r.json());
            BrokerException refused = CoinbaseErrors.of(r, "the key check");
            if (r.status() == 401 || r.status() == 403) return KeyCheck.of(List.of(), List.of(refused.getMessage()), List.of());
            throw refused;
        } catch (CoinbasePrivateKey.Invalid invalid) {
            return KeyCheck.of(List.of(), List.of(invalid.getMessage()), List.of());
        }
    }

    /** {@code GET /market/products/{product_id}}, public: no key, production host even for a sandbox key. */
    @Override
    public VenueRules rules(String venueSymbol) {
        URI uri = URI.create(Venue.COINBASE.baseUrl(false, env) + API + "/market/products/" + encode(venueSymbol));
        VenueResponse r = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET());
        if (!r.ok()) throw CoinbaseErrors.of(r, "the product " + venueSymbol);
        return CoinbaseResponses.rules(venueSymbol, r.json());
    }

    /** {@code GET /accounts} (all pages) and every open order ({@code order_status=OPEN}, all markets). */
    @Override
    public VenueAccount account(VenueCredentials key) {
        Map<String, BigDecimal> balances = new HashMap<>();
        Optional<String> cursor = Optional.empty();
        for (int page = 0; page < ACCOUNT_PAGES; page++) {
            VenueResponse r = send(key, "GET", API + "/accounts", "limit=" + ACCOUNTS_PER_PAGE + after(cursor), null);
            if (!r.ok()) throw CoinbaseErrors.of(r, "the account list");
            CoinbaseResponses.Page<Map.Entry<String, BigDecimal>> accounts = CoinbaseResponses.accounts(r.json());
            accounts.items().forEach(b -> balances.merge(b.getKey(), b.getValue(), BigDecimal::add));
            cursor = accounts.next();
            if (cursor.isEmpty()) break;
        }
        if (cursor.isPresent()) throw incomplete("accounts");
        List<VenueAccount.OpenOrder> open = new ArrayList<>();
        Scan all = scan(key, "order_status=OPEN", OPEN_PAGES, o -> {
            open.add(o.open());
            return false;
        });
        if (!all.complete()) throw incomplete("open orders");
        return new VenueAccount(balances, open);
    }

    private Fill outcome(CoinbaseOrder order) {
        return order.fill().orElseThrow(() -> new BrokerException(BrokerException.Kind.REJECTED,
                "Coinbase ended order " + order.clientOrderId() + " with nothing filled: " + order.endReason()));
    }

    /** Coinbase already holds an order under this client order id (a retry): its state, never a second order. */
    private Fill alreadyPlaced(VenueCredentials key, VenueOrder order) {
        return outcome(find(key, order.venueSymbol(), order.clientOrderId()).orElseThrow(() -> new BrokerException(
                BrokerException.Kind.UNKNOWN, "Coinbase holds client order id " + order.clientOrderId()
                        + " already but lists no order under it")));
    }

    private CoinbaseOrder readPlaced(VenueCredentials key, String orderId) {
        try {
            VenueResponse r = send(key, "GET", ORDERS + "/historical/" + orderId, null, null);
            if (!r.ok()) throw CoinbaseErrors.of(r, "the order's state");
            return CoinbaseResponses.order(r.json());
        } catch (BrokerException unread) {
            throw new BrokerException(BrokerException.Kind.UNKNOWN, "Coinbase accepted the order as " + orderId
                    + " but its state could not be read: " + unread.getMessage());
        }
    }

    private Optional<CoinbaseOrder> find(VenueCredentials key, String venueSymbol, String clientOrderId) {
        return first(key, openOn(venueSymbol), OPEN_PAGES, byClientId(clientOrderId))
                .or(() -> first(key, "product_ids=" + encode(venueSymbol), HISTORY_PAGES, byClientId(clientOrderId)));
    }

    private Optional<CoinbaseOrder> first(VenueCredentials key, String query, int maxPages, Predicate<CoinbaseOrder> wanted) {
        return scan(key, query, maxPages, wanted).found();
    }

    /** What a scan of the order list found, and whether it read every page. */
    private record Scan(Optional<CoinbaseOrder> found, boolean complete) {}

    /** {@code GET /orders/historical/batch?query}, page by page, until {@code stop} takes an order or the pages run out. */
    private Scan scan(VenueCredentials key, String query, int maxPages, Predicate<CoinbaseOrder> stop) {
        Optional<String> cursor = Optional.empty();
        for (int page = 0; page < maxPages; page++) {
            VenueResponse r = send(key, "GET", ORDER_LIST, query + "&limit=" + PAGE_SIZE + after(cursor), null);
            if (!r.ok()) throw CoinbaseErrors.of(r, "the order list");
            CoinbaseResponses.Page<CoinbaseOrder> orders = CoinbaseResponses.orders(r.json());
            for (CoinbaseOrder o : orders.items()) {
                if (stop.test(o)) return new Scan(Optional.of(o), false);
            }
            cursor = orders.next();
            if (cursor.isEmpty()) return new Scan(Optional.empty(), true);
        }
        return new Scan(Optional.empty(), false);
    }

    private VenueResponse send(VenueCredentials key, String method, String path, String query, JsonNode body) {
        ECPrivateKey privateKey = CoinbasePrivateKey.parse(key.field("privateKey"));
        URI uri = URI.create(Venue.COINBASE.baseUrl(key.sandbox(), env) + path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", signer.authorization(key.field("keyName"), privateKey, method, uri))
                .header("Accept", "application/json");
        if (body == null) return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        return http.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Create Order's body: {@code market_market_ioc} or {@code limit_limit_gtc}, sized in the base currency. */
    private static ObjectNode orderBody(VenueOrder order) {
        if (order.side() == OrderSide.EXIT) throw new IllegalArgumentException("an order trades BUY or SELL");
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("client_order_id", order.clientOrderId())
                .put("product_id", order.venueSymbol())
                .put("side", order.side().name());
        ObjectNode configuration = body.putObject("order_configuration");
        if (order.orderType() == OrderType.LIMIT) {
            if (order.limitPrice() == null) throw new IllegalArgumentException("a limit order needs its limit price");
            configuration.putObject("limit_limit_gtc")
                    .put("base_size", order.quantity().toPlainString())
                    .put("limit_price", order.limitPrice().toPlainString())
                    .put("post_only", false);
        } else {
            configuration.putObject("market_market_ioc").put("base_size", order.quantity().toPlainString());
        }
        return body;
    }

    private static Predicate<CoinbaseOrder> byClientId(String clientOrderId) {
        return o -> o.clientOrderId().equals(clientOrderId);
    }

    private static String openOn(String venueSymbol) {
        return "product_ids=" + encode(venueSymbol) + "&order_status=OPEN";
    }

    private static String after(Optional<String> cursor) {
        return cursor.map(c -> "&cursor=" + encode(c)).orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static BrokerException incomplete(String what) {
        return new BrokerException(BrokerException.Kind.UNKNOWN, "Coinbase lists more " + what
                + " than one reconciliation reads: the account would be incomplete");
    }
}
