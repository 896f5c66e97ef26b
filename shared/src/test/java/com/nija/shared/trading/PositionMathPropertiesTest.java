package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.testing.RandomCases;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Position P&L over random sizes and prices (seeded)")
class PositionMathPropertiesTest {

    @Test
    @DisplayName("a long and a short of the same size and entry have opposite P&L at any price (seed 601, 500 cases)")
    void longIsMirrorOfShort() {
        RandomCases.check(601, 500, r -> {
            BigDecimal qty = quantity(r);
            BigDecimal entry = price(r);
            BigDecimal price = price(r);

            BigDecimal lng = PositionMath.unrealizedPnl(Side.LONG, qty, entry, price);
            BigDecimal shrt = PositionMath.unrealizedPnl(Side.SHORT, qty, entry, price);

            assertThat(lng).isEqualByComparingTo(shrt.negate());
        });
    }

    @Test
    @DisplayName("a long gains exactly when the price is above entry, and a short exactly when it is below "
            + "(seed 602, 500 cases)")
    void gainFollowsPriceDirection() {
        RandomCases.check(602, 500, r -> {
            BigDecimal qty = quantity(r);
            BigDecimal entry = price(r);
            BigDecimal price = r.chance(0.1) ? entry : price(r);
            int move = price.compareTo(entry);

            assertThat(PositionMath.unrealizedPnl(Side.LONG, qty, entry, price).signum()).isEqualTo(move);
            assertThat(PositionMath.unrealizedPnl(Side.SHORT, qty, entry, price).signum()).isEqualTo(-move);
        });
    }

    @Test
    @DisplayName("P&L at the entry price is zero for either side (seed 603, 300 cases)")
    void zeroAtEntry() {
        RandomCases.check(603, 300, r -> {
            BigDecimal qty = quantity(r);
            BigDecimal entry = price(r);

            assertThat(PositionMath.unrealizedPnl(Side.LONG, qty, entry, entry)).isZero();
            assertThat(PositionMath.unrealizedPnl(Side.SHORT, qty, entry, entry)).isZero();
        });
    }

    private static BigDecimal quantity(RandomCases r) {
        return r.decimal("0.00000001", "10000", 8);
    }

    private static BigDecimal price(RandomCases r) {
        return r.decimal("0.0001", "200000", 4);
    }
}
