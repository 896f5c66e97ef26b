package com.nija.shared.venues.okx;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.broker.Fill;
import com.nija.shared.json.Json;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import com.nija.shared.venues.VenueAccount.OpenOrder;
import com.nija.shared.venues.VenueClient;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OKX spot through its REST API v5 (docs-v5 "Order Book Trading › Trade", "Trading Account", "Public Data"): cash
 * orders by client order id ({@code clOrdId}), the key's permissions from the account configuration, an instrument's
 * rules, balances and open orders. Requests are signed by {@link OkxRequests}; answers read by {@link OkxResponses};
 * failures mapped by {@link OkxErrors}.
 */
public final class OkxClient implements VenueClient {
    private static final String ORDER = "/api/v5/trade/order";
    private static final String CANCEL = "/api/v5/trade/cancel-order";
    private static final String OPEN_ORDERS = "/api/v5/trade/orders-pending";
    private static final String CONFIG = "/api/v5/account/config";
    private static final String BALANCE = "/api/v5/account/balance";
    private static final String INSTRUMENTS = "/api/v5/public/instruments";
    /** "GET / Order List" answers at most 100 orders a page. */
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;
    /** "A combination of case-sensitive alphanumerics … of up to 32 characters." */
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9]{1,32}");

    private final OkxRequests requests;
    private final Clock clock;

    public OkxClient(VenueHttp http, Map<String, String> env, Clock clock) {
        this.requests = new OkxRequests(http, env, clock);
        this.clock = clock;
    }

    @Override
    public Venue venue() {
        return Venue.OKX;
    }

    /**
     * Looks the client order id up before placing: OKX refuses a duplicate {@code clOrdId} (51016) only while the first
     * order is open ("Uniqueness is not enforced historically"), so a retry after a filled order would otherwise
     * trade twice. Then places and, since the answer carries no fill, reads the order once.
     */
    @Override
    public Fill place(VenueCredentials key, VenueOrder order) {
        String body = body(order);
        Optional<Fill> existing = lookup(key, order.venueSymbol(), order.clientOrderId());
        if (existing.isPresent()) return existing.get();
        OkxAnswer answer = requests.post(key, ORDER, body);
        if (answer.succeeded()) return afterPlacing(key, order, answer);
        if (OkxErrors.is(answer, OkxErrors.DUPLICATE_CLIENT_ORDER_ID)) {
            return lookup(key, order.venueSymbol(), order.clientOrderId()).orElseThrow(() -> new BrokerException(
                    Kind.UNKNOWN, "OKX says order " + order.clientOrderId() + " exists but does not show it"));
        }
        throw OkxErrors.failure("order " + order.clientOrderId(), answer);
    }

    @Override
    public Optional<Fill> lookup(VenueCredentials key, String venueSymbol, String clientOrderId) {
        return find(key, venueSymbol, clientOrderId).map(OkxOrder::toFill);
    }

    /** True when OKX accepted the cancellation (its result follows on the order) or one was already under way. */
    @Override
    public boolean cancel(VenueCredentials key, String venueSymbol, String clientOrderId) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("instId", venueSymbol).put("clOrdId", clientOrderId);
        OkxAnswer answer = requests.post(key, CANCEL, body.toString());
        if (answer.succeeded() || OkxErrors.is(answer, OkxErrors.ALREADY_CANCELLING)) return true;
        if (OkxErrors.is(answer, OkxErrors.NOT_OPEN)) return false;
        throw OkxErrors.failure("cancelling order " + clientOrderId, answer);
    }

    /** From "Get account configuration": {@code perm} names read_only, trade and withdraw. */
    @Override
    public KeyCheck check(VenueCredentials key) {
        OkxAnswer answer = requests.get(key, CONFIG);
        if (!answer.succeeded()) {
            BrokerException refused = OkxErrors.failure("key check", answer);
            if (refused.kind() != Kind.REJECTED) throw refused; // a rate limit or an outage says nothing of the key
            return KeyCheck.of(List.of(), List.of(refused.getMessage()), List.of());
        }
        List<String> permissions = OkxResponses.permissions(answer.data());
        List<String> errors = permissions.contains("trade") ? List.of()
                : List.of("the key cannot trade (OKX permissions: " + String.join(", ", permissions) + ")");
        List<String> warnings = permissions.contains("withdraw")
                ? List.of("the key can withdraw funds; NIJA needs only read and trade") : List.of();
        return KeyCheck.of(permissions, errors, warnings);
    }

    @Override
    public VenueRules rules(String venueSymbol) {
        OkxAnswer answer = requests.getPublic(INSTRUMENTS, "instType", "SPOT", "instId", venueSymbol);
        if (!answer.succeeded()) throw OkxErrors.failure("rules of " + venueSymbol, answer);
        return OkxResponses.rules(venueSymbol, answer.data());
    }

    @Override
    public VenueAccount account(VenueCredentials key) {
        OkxAnswer balance = requests.get(key, BALANCE);
        if (!balance.succeeded()) throw OkxErrors.failure("balances", balance);
        return new VenueAccount(OkxResponses.balances(balance.data()), openOrders(key));
    }

    /** Every open spot order, a page of 100 at a time (older pages {@code after} the last order id). */
    private List<OpenOrder> openOrders(VenueCredentials key) {
        List<OpenOrder> open = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            OkxAnswer answer = after == null ? requests.get(key, OPEN_ORDERS, "instType", "SPOT")
                    : requests.get(key, OPEN_ORDERS, "instType", "SPOT", "after", after);
            if (!answer.succeeded()) throw OkxErrors.failure("open orders", answer);
            List<OpenOrder> batch = OkxResponses.openOrders(answer.data());
            open.addAll(batch);
            if (batch.size() < PAGE) return open;
            after = batch.get(batch.size() - 1).venueOrderId();
        }
        throw new BrokerException(Kind.UNKNOWN, "more than " + PAGE * MAX_PAGES + " open orders at OKX");
    }

    private Optional<OkxOrder> find(VenueCredentials key, String venueSymbol, String clientOrderId) {
        OkxAnswer answer = requests.get(key, ORDER, "instId", venueSymbol, "clOrdId", clientOrderId);
        if (OkxErrors.is(answer, OkxErrors.NO_SUCH_ORDER)) return Optional.empty();
        if (!answer.succeeded()) throw OkxErrors.failure("looking up order " + clientOrderId, answer);
        OkxOrder order = OkxResponses.order(answer.first());
        if (!order.clientOrderId().equals(clientOrderId)) throw OkxResponses.unreadable("clOrdId of the order asked for");
        return Optional.of(order);
    }

    /**
     * OKX accepted the order: from here nothing may read as "not placed", so a failed read leaves it unknown. Not yet
     * readable, it rests under the {@code ordId} the placing answer gave (null if it gave none).
     */
    private Fill afterPlacing(VenueCredentials key, VenueOrder order, OkxAnswer placed) {
        String orderId = OkxAnswer.text(placed.first().path("ordId"));
        try {
            return lookup(key, order.venueSymbol(), order.clientOrderId())
                    .orElseGet(() -> new Fill(order.clientOrderId(), Fill.Status.RESTING, order.quantity(),
                            order.limitPrice(), BigDecimal.ZERO, clock.instant(), orderId.isEmpty() ? null : orderId));
        } catch (BrokerException e) {
            if (e.kind() != Kind.NOT_PLACED) throw e;
            throw new BrokerException(Kind.UNKNOWN, "order " + order.clientOrderId() + " was accepted; reading it: "
                    + e.getMessage());
        }
    }

    /**
     * The "POST / Place order" body: a cash (spot) order. A market buy says {@code tgtCcy base_ccy} since OKX
     * otherwise reads its size in the quote currency; a market order says {@code banAmend} so that OKX refuses it
     * rather than shrinking it to what the balance allows. A limit order is good till cancelled (OKX's default).
     */
    private static String body(VenueOrder order) {
        if (order.side() != OrderSide.BUY && order.side() != OrderSide.SELL) {
            throw new BrokerException(Kind.REJECTED, "OKX orders buy or sell, not " + order.side());
        }
        if (!CLIENT_ORDER_ID.matcher(order.clientOrderId()).matches()) {
            throw new BrokerException(Kind.REJECTED, "not an OKX client order id: " + order.clientOrderId());
        }
        if (order.quantity() == null || order.quantity().signum() <= 0) {
            throw new BrokerException(Kind.REJECTED, "order " + order.clientOrderId() + " has no size");
        }
        boolean market = order.orderType() == OrderType.MARKET;
        if (!market && (order.limitPrice() == null || order.limitPrice().signum() <= 0)) {
            throw new BrokerException(Kind.REJECTED, "limit order " + order.clientOrderId() + " has no price");
        }
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("instId", order.venueSymbol())
                .put("tdMode", "cash")
                .put("clOrdId", order.clientOrderId())
                .put("side", order.side().buys() ? "buy" : "sell")
                .put("ordType", market ? "market" : "limit")
                .put("sz", order.quantity().toPlainString());
        if (!market) {
            body.put("px", order.limitPrice().toPlainString());
        } else {
            if (order.side().buys()) body.put("tgtCcy", "base_ccy");
            body.put("banAmend", true);
        }
        return body.toString();
    }
}
