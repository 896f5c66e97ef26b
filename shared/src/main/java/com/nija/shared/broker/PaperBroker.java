package com.nija.shared.broker;

import com.nija.shared.data.Keys;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PaperOrderItem;
import com.nija.shared.market.PriceBook;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The default broker: real prices, simulated money. Market orders fill at the latest price moved against the
 * trader by the configured slippage, minus a fee; limit orders fill at once when marketable, otherwise rest until
 * a price update crosses them.
 *
 * <p>Resting orders live in its own {@link PaperOrderBook}, written with a condition. An immediate fill writes nothing
 * there: its record is the FILLED order the engine writes with a condition on the same id (one write per order instead
 * of two), and {@link #lookup} reads it there. Until that order is written the fill is only a quote: nothing of it is
 * stored anywhere, so placing the id again (a retry after a crash) quotes again, and only one fill is ever recorded.
 */
@Singleton
public class PaperBroker implements Broker, RestingOrders {
    private final PaperOrderBook book;
    private final PriceBook prices;
    private final PaperFills fills;
    private final Clock clock;

    public PaperBroker(PaperOrderBook book, PriceBook prices, PaperBrokerConfig config, Clock clock) {
        this.book = book;
        this.prices = prices;
        this.fills = new PaperFills(config);
        this.clock = clock;
    }

    @Override
    public Fill place(OrderTicket t) {
        BigDecimal market = prices.latest(t.symbol()).orElseThrow(() ->
                new BrokerException(BrokerException.Kind.REJECTED, "no market price for " + t.symbol()));
        Instant now = clock.instant();
        boolean buy = t.side().buys();
        if (t.orderType() != OrderType.LIMIT || marketable(buy, t.limitPrice(), market)) {
            return toFill(filled(t, executionPrice(buy, market, t.limitPrice()), now));
        }
        PaperOrderItem item = new PaperOrderItem(Keys.paperOrders(t.userId()), t.clientOrderId(), t.clientOrderId(),
                t.userId(), t.symbol(), t.side(), t.orderType(), t.quantity(), t.limitPrice(), OrderStatus.RESTING,
                null, null, null, now, Keys.resting(t.symbol()), t.userId() + "#" + t.clientOrderId(), expiry(now));
        if (!book.placeOnce(item)) {
            // Same client order id again (a retry or a twin): the first placement stands, as at a real exchange.
            return lookup(t.ref()).orElseThrow();
        }
        return toFill(item);
    }

    /** The fill {@link #place} would quote now: the market moved by the slippage, never worse than a limit. */
    @Override
    public BigDecimal expectedFillPrice(OrderTicket t, BigDecimal market) {
        if (market == null || (t.orderType() == OrderType.LIMIT && !marketable(t.side().buys(), t.limitPrice(), market))) {
            return Broker.super.expectedFillPrice(t, market);
        }
        return executionPrice(t.side().buys(), market, t.limitPrice());
    }

    /** Resting orders on a symbol, through the sparse index (never a scan): a fill takes an order out of it. */
    @Override
    public List<OrderTicket> resting(String symbol) {
        return book.restingOn(symbol).stream().map(PaperBroker::ticket).toList();
    }

    /** Fills a resting limit order the price has crossed; false when it is no longer resting or not crossed. */
    @Override
    public boolean fillIfCrossed(OrderTicket resting, BigDecimal market) {
        boolean buy = resting.side().buys();
        if (!marketable(buy, resting.limitPrice(), market)) return false;
        PaperOrderItem item = filled(resting, executionPrice(buy, market, resting.limitPrice()), clock.instant());
        return book.fillIfResting(item);
    }

    /** A resting order (or its later fill) from the book; an immediate fill from the engine's order. */
    @Override
    public Optional<Fill> lookup(OrderRef ref) {
        String userId = ref.userId();
        String clientOrderId = ref.orderId();
        Optional<PaperOrderItem> item = book.latest(userId, clientOrderId);
        if (item.isPresent()) return item.filter(i -> i.status() != OrderStatus.CANCELLED).map(PaperBroker::toFill);
        OrderItem order = book.engineOrder(userId, clientOrderId).orElse(null);
        // A live order under this id is its venue's, never a paper fill.
        if (order == null || order.live() || order.status() != OrderStatus.FILLED) return Optional.empty();
        return Optional.of(new Fill(clientOrderId, Fill.Status.FILLED, order.quantity(), order.fillPrice(), order.fee(),
                order.filledAt()));
    }

    @Override
    public boolean cancel(OrderRef ref) {
        PaperOrderItem item = book.find(ref.userId(), ref.orderId()).orElse(null);
        if (item == null || item.status() != OrderStatus.RESTING) return false;
        book.save(item.cancelled());
        return true;
    }

    private static OrderTicket ticket(PaperOrderItem i) {
        return new OrderTicket(i.clientOrderId(), i.userId(), i.symbol(), i.side(), i.orderType(), i.quantity(),
                i.limitPrice(), null);
    }

    private PaperOrderItem filled(OrderTicket t, BigDecimal price, Instant now) {
        BigDecimal fee = fills.fee(t.quantity(), price);
        return new PaperOrderItem(Keys.paperOrders(t.userId()), t.clientOrderId(), t.clientOrderId(), t.userId(),
                t.symbol(), t.side(), t.orderType(), t.quantity(), t.limitPrice(), OrderStatus.FILLED, price, fee, now,
                now, null, null, expiry(now));
    }

    private BigDecimal executionPrice(boolean buy, BigDecimal market, BigDecimal limit) {
        return fills.executionPrice(buy, market, limit);
    }

    private static boolean marketable(boolean buy, BigDecimal limit, BigDecimal market) {
        return limit == null || (buy ? market.compareTo(limit) <= 0 : market.compareTo(limit) >= 0);
    }

    private static Fill toFill(PaperOrderItem i) {
        return new Fill(i.clientOrderId(), i.status() == OrderStatus.FILLED ? Fill.Status.FILLED : Fill.Status.RESTING,
                i.quantity(), i.price(), i.fee(), i.filledAt());
    }

    private static Long expiry(Instant now) {
        return now.plus(Duration.ofDays(90)).getEpochSecond();
    }
}
