package com.nija.shared.venues.binance;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Binance order as the engine's {@link Fill}. Binance charges commission per trade in whichever asset it takes it
 * from: the quote asset (a sell) counts as it is; the base asset (a buy) is worth the commission times that trade's
 * price; any other asset — BNB, when the account pays fees in BNB for the discount — is converted at Binance's last
 * price of that asset in the quote ({@code GET /api/v3/ticker/price}). If no such price can be read, that part of
 * the fee is left out and logged: the order's outcome must never depend on a fee's conversion.
 */
final class BinanceFills {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceFills.class);
    /** Binance's amounts carry 8 decimals; averages and converted fees are kept to the same. */
    private static final int SCALE = 8;

    /** The last price of one unit of {@code asset} in {@code quote}, when Binance can tell it. */
    @FunctionalInterface
    interface Prices {
        Optional<BigDecimal> price(String asset, String quote);
    }

    private BinanceFills() {}

    /**
     * {@code order} with its {@code trades}: RESTING while it works on the book, FILLED, PARTIALLY_FILLED when done with
     * less than asked; empty when it is done with nothing filled. A filled order needs its trades for the fee.
     */
    static Optional<Fill> fill(BinanceOrder order, List<BinanceTrade> trades, BinanceMarket market, Prices prices) {
        if (order.status().open()) {
            return Optional.of(new Fill(order.clientOrderId(), Fill.Status.RESTING, plain(order.origQty()),
                    order.limitPrice().map(BinanceFills::plain).orElse(null), BigDecimal.ZERO, order.updatedAt(),
                    venueOrderId(order)));
        }
        if (!order.filledAny()) return Optional.empty();
        if (trades.isEmpty()) {
            throw new BrokerException(BrokerException.Kind.UNKNOWN, "Binance has not listed the trades of order "
                    + order.clientOrderId() + " yet");
        }
        Fill.Status status = order.status() == BinanceOrder.Status.FILLED
                ? Fill.Status.FILLED : Fill.Status.PARTIALLY_FILLED;
        return Optional.of(new Fill(order.clientOrderId(), status, plain(order.executedQty()),
                averagePrice(order, trades), fee(order.clientOrderId(), trades, market, prices), order.updatedAt(),
                venueOrderId(order)));
    }

    /** Binance's {@code orderId}, a number, as the audit record's text. */
    private static String venueOrderId(BinanceOrder order) {
        return Long.toString(order.orderId());
    }

    /** The quote spent or received over the quantity filled; from the trades when Binance lacks the total. */
    private static BigDecimal averagePrice(BinanceOrder order, List<BinanceTrade> trades) {
        BigDecimal quote = order.cummulativeQuoteQty().orElseGet(() -> trades.stream()
                .map(t -> t.price().multiply(t.qty())).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal quantity = order.cummulativeQuoteQty().isPresent() ? order.executedQty()
                : trades.stream().map(BinanceTrade::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
        return plain(quote.divide(quantity, MathContext.DECIMAL128).setScale(SCALE, RoundingMode.HALF_UP));
    }

    private static BigDecimal fee(String clientOrderId, List<BinanceTrade> trades, BinanceMarket market,
                                  Prices prices) {
        Map<String, Optional<BigDecimal>> converted = new HashMap<>();
        BigDecimal fee = BigDecimal.ZERO;
        for (BinanceTrade t : trades) {
            if (t.commission().signum() == 0) continue;
            String asset = t.commissionAsset();
            if (asset.equals(market.quoteAsset())) {
                fee = fee.add(t.commission());
            } else if (asset.equals(market.baseAsset())) {
                fee = fee.add(t.commission().multiply(t.price()));
            } else {
                Optional<BigDecimal> price = converted.computeIfAbsent(asset,
                        a -> prices.price(a, market.quoteAsset()));
                if (price.isPresent()) {
                    fee = fee.add(t.commission().multiply(price.get()));
                } else {
                    LOG.warn("order {}: commission {} {} has no {} price at Binance; left out of the fee",
                            clientOrderId, t.commission().toPlainString(), asset, market.quoteAsset());
                }
            }
        }
        return plain(fee.setScale(SCALE, RoundingMode.HALF_UP));
    }

    private static BigDecimal plain(BigDecimal value) {
        return BinanceAccountReader.plain(value);
    }
}
