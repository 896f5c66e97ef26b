package com.nija.shared.venues.coinbase;

import static com.nija.shared.venues.coinbase.CoinbaseFields.decimal;
import static com.nija.shared.venues.coinbase.CoinbaseFields.id;
import static com.nija.shared.venues.coinbase.CoinbaseFields.instant;
import static com.nija.shared.venues.coinbase.CoinbaseFields.requiredText;
import static com.nija.shared.venues.coinbase.CoinbaseFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.order.OrderSide;
import com.nija.shared.venues.ClientOrderIds;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One order as Coinbase reports it ({@code GET /orders/historical/{order_id}}, and each entry of
 * {@code /orders/historical/batch}): its ids, status, size, and what filled at what average price for what fees
 * ({@code total_fees}, in the quote currency for spot).
 */
record CoinbaseOrder(String orderId, String clientOrderId, String productId, OrderSide side, String status,
                     BigDecimal size, BigDecimal limitPrice, BigDecimal filledSize, BigDecimal averageFilledPrice,
                     BigDecimal totalFees, Instant lastFillTime, Instant createdTime, String reason) {

    /** Coinbase's order ids are UUIDs; one goes into a path, so nothing else is taken for one. */
    static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Client order ids are the placer's; NIJA's are {@code o-} + 24 hex digits, others are compared, never sent. */
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("\\p{Graph}{1,128}");

    /** What a status means for an order: still working, all filled, or ended (cancelled, expired, failed). */
    enum Stage { WORKING, FILLED, ENDED }

    static CoinbaseOrder parse(JsonNode order) {
        if (!order.isObject()) throw CoinbaseFields.unreadable("order");
        JsonNode configuration = configuration(order.path("order_configuration"));
        return new CoinbaseOrder(id(order, "order_id", ORDER_ID).orElseThrow(() -> CoinbaseFields.unreadable("order_id")),
                id(order, "client_order_id", CLIENT_ORDER_ID).orElse(""),
                text(order, "product_id").orElse(""), side(order), requiredText(order, "status"),
                decimal(configuration, "base_size").orElse(null), decimal(configuration, "limit_price").orElse(null),
                decimal(order, "filled_size").orElse(BigDecimal.ZERO),
                decimal(order, "average_filled_price").orElse(null), decimal(order, "total_fees").orElse(BigDecimal.ZERO),
                instant(order, "last_fill_time").orElse(null), instant(order, "created_time").orElse(null),
                text(order, "reject_message").or(() -> text(order, "cancel_message"))
                        .or(() -> text(order, "reject_reason")).orElse(""));
    }

    /** Coinbase's statuses: PENDING, OPEN, QUEUED, CANCEL_QUEUED, EDIT_QUEUED, FILLED, CANCELLED, EXPIRED, FAILED. */
    Stage stage() {
        return switch (status) {
            case "PENDING", "OPEN", "QUEUED", "CANCEL_QUEUED", "EDIT_QUEUED" -> Stage.WORKING;
            case "FILLED" -> Stage.FILLED;
            case "CANCELLED", "EXPIRED", "FAILED" -> Stage.ENDED;
            // UNKNOWN_ORDER_STATUS or a status this client does not know: the order exists, its state does not show.
            default -> throw new BrokerException(BrokerException.Kind.UNKNOWN, "Coinbase reports order " + orderId
                    + " as " + status + ": its state is unknown");
        };
    }

    /**
     * The order as a fill, or empty when it ended with nothing filled (nothing of it stands at the venue). Working
     * orders are {@code RESTING} with their size; ended ones with a part filled are {@code PARTIALLY_FILLED}.
     */
    Optional<Fill> fill() {
        return switch (stage()) {
            case WORKING -> Optional.of(new Fill(clientOrderId, Fill.Status.RESTING, sizeAsked(), null, null, null,
                    orderId));
            case FILLED -> Optional.of(filled(Fill.Status.FILLED));
            case ENDED -> filledSize.signum() > 0 ? Optional.of(filled(Fill.Status.PARTIALLY_FILLED)) : Optional.empty();
        };
    }

    /**
     * An open order for reconciliation; the client order id only when NIJA placed it. Its quantity is null when it
     * was sized in the quote currency (placed by hand: NIJA sizes every order in the base currency).
     */
    VenueAccount.OpenOrder open() {
        return new VenueAccount.OpenOrder(placedByNija() ? clientOrderId : "", orderId, productId, side, size,
                filledSize, limitPrice);
    }

    /** Why it ended, in Coinbase's words when it gave any. */
    String endReason() {
        return status.toLowerCase(Locale.ROOT) + (reason.isEmpty() ? "" : " (" + reason + ")");
    }

    private Fill filled(Fill.Status status) {
        if (filledSize.signum() <= 0 || averageFilledPrice == null) throw CoinbaseFields.unreadable("filled_size");
        Instant at = lastFillTime != null ? lastFillTime : createdTime;
        if (at == null) throw CoinbaseFields.unreadable("last_fill_time");
        return new Fill(clientOrderId, status, filledSize, averageFilledPrice, totalFees, at, orderId);
    }

    private BigDecimal sizeAsked() {
        if (size == null) throw CoinbaseFields.unreadable("base_size");
        return size;
    }

    private boolean placedByNija() {
        try {
            return ClientOrderIds.forVenue(Venue.COINBASE, clientOrderId).equals(clientOrderId);
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
    }

    private static OrderSide side(JsonNode order) {
        return switch (text(order, "side").orElse("")) {
            case "BUY" -> OrderSide.BUY;
            case "SELL" -> OrderSide.SELL;
            default -> throw CoinbaseFields.unreadable("side");
        };
    }

    /** The one configuration object under {@code order_configuration} ({@code market_market_ioc}, {@code limit_limit_gtc} …). */
    private static JsonNode configuration(JsonNode configurations) {
        if (configurations.isObject()) {
            for (JsonNode c : configurations) {
                if (c.isObject() && c.has("base_size")) return c;
            }
        }
        return MissingNode.getInstance();
    }
}
