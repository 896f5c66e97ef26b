package com.nija.shared.broker;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The paper broker's market model, on its own so a backtest fills exactly as paper trading does: a market order fills
 * at the market moved against the trader by the slippage (never worse than a limit), and pays a fee on its notional,
 * both in basis points from {@link PaperBrokerConfig}.
 */
public final class PaperFills {
    private static final BigDecimal BPS = new BigDecimal("10000");

    private final PaperBrokerConfig config;

    public PaperFills(PaperBrokerConfig config) {
        this.config = config;
    }

    /** The price a {@code buy} (or sell) fills at when the market is {@code market}; {@code limit} may be null. */
    public BigDecimal executionPrice(boolean buy, BigDecimal market, BigDecimal limit) {
        BigDecimal slip = market.multiply(config.getSlippageBps()).divide(BPS, 12, RoundingMode.HALF_UP);
        BigDecimal price = buy ? market.add(slip) : market.subtract(slip);
        if (limit != null) price = buy ? price.min(limit) : price.max(limit); // never worse than the limit
        // To 8 decimals whatever the quote's scale: "22" and "22.00" are the same price and must fill the same.
        BigDecimal exact = price.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }

    /** The fee of filling {@code quantity} at {@code price}, in cents (half up). */
    public BigDecimal fee(BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).multiply(config.getFeeBps()).divide(BPS, 2, RoundingMode.HALF_UP);
    }
}
