package com.nija.shared.venues.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.broker.Fill;
import com.nija.shared.order.OrderType;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.NonceSource;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import com.nija.shared.venues.VenueClient;
import com.nija.shared.venues.VenueCredentials;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueOrder;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kraken spot over its REST API (docs.kraken.com, Spot REST): AddOrder, OpenOrders / ClosedOrders / QueryOrders,
 * CancelOrder, Balance and the public AssetPairs, each signed as {@link KrakenApi} describes.
 *
 * <p><b>Never a second order.</b> Kraken enforces a {@code cl_ord_id}'s uniqueness only among <em>open</em> orders
 * (docs.kraken.com, Spot Client Order Identifiers): once an order under it has filled or been cancelled, Kraken would
 * take a new order under the same id. A stateless client cannot prove that a placement is the first — a retry comes
 * from another function instance after a timeout, a redelivered message or an engine restart — so {@link #place}
 * looks the id up before every AddOrder: OpenOrders, then ClosedOrders, both filtered by {@code cl_ord_id}. In that
 * order an order that closes between the two calls is still seen (it was open at the first), and one that is open
 * when AddOrder arrives is refused by Kraken as a duplicate, which is answered by looking it up again. Found, the order
 * is answered as it stands and AddOrder is not sent. The cost is two calls on the REST call counter per order
 * (AddOrder itself counts on the trading limiter); what it cannot cover is a first request still in flight when the
 * retry looks, which the engine avoids by looking up (and waiting out) an {@code UNKNOWN} before it retries.
 *
 * <p>Orders go out with {@code oflags=fciq} so Kraken charges the fee in the quote currency (its default for sells is
 * the base), as the engine expects. AddOrder answers only the order's txid, so the order is then read once with
 * QueryOrders; if that read fails the order is known to be accepted and is answered {@code RESTING}, never
 * {@code UNKNOWN}, which could lead to a second placement of an order not yet visible.
 */
public final class KrakenClient implements VenueClient {
    private final KrakenApi api;
    private final KrakenKeyCheck keyCheck;
    private final Clock clock;

    public KrakenClient(VenueHttp http, Map<String, String> env, Clock clock, NonceSource nonces) {
        this.api = new KrakenApi(http, env, nonces);
        this.keyCheck = new KrakenKeyCheck(api, clock);
        this.clock = clock;
    }

    @Override
    public Venue venue() {
        return Venue.KRAKEN;
    }

    @Override
    public Fill place(VenueCredentials key, VenueOrder order) {
        Optional<Fill> existing = lookupBeforePlacing(key, order);
        if (existing.isPresent()) return existing.get();
        KrakenAnswer answer = api.post(key, "AddOrder", addOrder(order));
        if (answer.failedWith(KrakenErrors::duplicateOrder)) {
            return lookup(key, order.venueSymbol(), order.clientOrderId()).orElseThrow(() -> new BrokerException(
                    Kind.UNKNOWN, "Kraken says client order id " + order.clientOrderId() + " is in use but shows no "
                    + "order under it"));
        }
        JsonNode txids = answer.result(clock).path("txid");
        if (!txids.isArray() || txids.isEmpty() || !txids.get(0).isTextual()) {
            throw KrakenNumbers.malformed("AddOrder answered no txid");
        }
        return readOnce(key, txids.get(0).asText(), order);
    }

    /** Nothing is sent if the lookup fails, so a lookup without an answer means "not placed", safe to try again. */
    private Optional<Fill> lookupBeforePlacing(VenueCredentials key, VenueOrder order) {
        try {
            return lookup(key, order.venueSymbol(), order.clientOrderId());
        } catch (VenueRateLimitedException e) {
            throw e;
        } catch (BrokerException e) {
            if (e.kind() != Kind.UNKNOWN) throw e;
            throw new BrokerException(Kind.NOT_PLACED, "not placed: Kraken did not answer the lookup that comes "
                    + "before placing (" + e.getMessage() + ")");
        }
    }

    private static KrakenForm addOrder(VenueOrder order) {
        String side = switch (order.side()) {
            case BUY -> "buy";
            case SELL -> "sell";
            case EXIT -> throw new BrokerException(Kind.REJECTED, "an order sent to Kraken must buy or sell");
        };
        KrakenForm form = KrakenForm.of("pair", order.venueSymbol()).and("type", side)
                .and("ordertype", order.orderType() == OrderType.LIMIT ? "limit" : "market")
                .and("volume", order.quantity().stripTrailingZeros().toPlainString());
        if (order.orderType() == OrderType.LIMIT) {
            if (order.limitPrice() == null) throw new BrokerException(Kind.REJECTED, "a limit order needs a price");
            form.and("price", order.limitPrice().stripTrailingZeros().toPlainString()).and("timeinforce", "GTC");
        }
        return form.and("cl_ord_id", order.clientOrderId()).and("oflags", "fciq");
    }

    private Fill readOnce(VenueCredentials key, String txid, VenueOrder order) {
        try {
            JsonNode result = api.post(key, "QueryOrders", KrakenForm.of("txid", txid)).result(clock);
            for (KrakenOrder o : KrakenOrder.all(result)) {
                if (o.txid().equals(txid)) return o.toFill(order.clientOrderId(), clock);
            }
        } catch (BrokerException notReadable) {
            // Accepted all the same: answered below as resting, and the engine follows it up.
        }
        return new Fill(order.clientOrderId(), Fill.Status.RESTING, order.quantity(), order.limitPrice(),
                BigDecimal.ZERO, clock.instant(), txid);
    }

    @Override
    public Optional<Fill> lookup(VenueCredentials key, String venueSymbol, String clientOrderId) {
        KrakenForm byId = KrakenForm.of("cl_ord_id", clientOrderId);
        JsonNode open = api.post(key, "OpenOrders", byId).result(clock).path("open");
        Optional<KrakenOrder> found = KrakenOrder.named(KrakenOrder.all(open), clientOrderId);
        if (found.isEmpty()) {
            JsonNode closed = api.post(key, "ClosedOrders", KrakenForm.of("cl_ord_id", clientOrderId))
                    .result(clock).path("closed");
            found = KrakenOrder.named(KrakenOrder.all(closed), clientOrderId);
        }
        return found.map(o -> o.toFill(clientOrderId, clock));
    }

    @Override
    public boolean cancel(VenueCredentials key, String venueSymbol, String clientOrderId) {
        KrakenAnswer answer = api.post(key, "CancelOrder", KrakenForm.of("cl_ord_id", clientOrderId));
        if (answer.failedWith(KrakenErrors::unknownOrder)) return false;
        JsonNode result = answer.result(clock);
        return result.path("count").asInt(0) > 0 || result.path("pending").asBoolean(false);
    }

    @Override
    public KeyCheck check(VenueCredentials key) {
        return keyCheck.check(key);
    }

    @Override
    public VenueRules rules(String venueSymbol) {
        return KrakenPairs.rules(api.get("AssetPairs", KrakenForm.of("pair", venueSymbol)).result(clock), venueSymbol);
    }

    @Override
    public VenueAccount account(VenueCredentials key) {
        var balances = KrakenAssets.balances(api.post(key, "Balance", KrakenForm.empty()).result(clock));
        JsonNode open = api.post(key, "OpenOrders", KrakenForm.empty()).result(clock).path("open");
        List<VenueAccount.OpenOrder> openOrders = KrakenOrder.all(open).stream().map(KrakenOrder::toOpenOrder).toList();
        return new VenueAccount(balances, openOrders);
    }
}
