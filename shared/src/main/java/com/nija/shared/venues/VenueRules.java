package com.nija.shared.venues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A market's order rules at one venue, as its public product endpoint publishes them: the smallest size, the size
 * step, the price tick and the smallest notional (zero when the venue has none).
 */
public record VenueRules(String venueSymbol, BigDecimal minSize, BigDecimal sizeStep, BigDecimal tick,
                         BigDecimal minNotional) {

    /** {@code quantity} rounded down to the size step (never up: an order never buys more than was planned). */
    public BigDecimal roundSize(BigDecimal quantity) {
        return roundDown(quantity, sizeStep);
    }

    /** {@code price} rounded to the tick: down for a buy, up for a sell, so a limit is never worse than asked. */
    public BigDecimal roundPrice(BigDecimal price, boolean buy) {
        if (tick == null || tick.signum() <= 0) return price;
        BigDecimal steps = price.divide(tick, 0, buy ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return steps.multiply(tick).stripTrailingZeros();
    }

    /**
     * Why an order of {@code quantity} (already rounded) at about {@code price} would be refused by the venue, or
     * empty when it meets the rules — checked before any call, so the refusal names our rule, not a venue error code.
     */
    public Optional<String> refusal(BigDecimal quantity, BigDecimal price) {
        if (quantity.signum() <= 0 || (minSize != null && quantity.compareTo(minSize) < 0)) {
            return Optional.of("size " + quantity.toPlainString() + " is below " + venueSymbol + "'s minimum "
                    + minSize.toPlainString());
        }
        if (price != null && minNotional != null && minNotional.signum() > 0
                && quantity.multiply(price).compareTo(minNotional) < 0) {
            return Optional.of("notional " + quantity.multiply(price).stripTrailingZeros().toPlainString()
                    + " is below " + venueSymbol + "'s minimum " + minNotional.toPlainString());
        }
        return Optional.empty();
    }

    private static BigDecimal roundDown(BigDecimal value, BigDecimal step) {
        if (step == null || step.signum() <= 0) return value;
        return value.divide(step, 0, RoundingMode.FLOOR).multiply(step).stripTrailingZeros();
    }
}
