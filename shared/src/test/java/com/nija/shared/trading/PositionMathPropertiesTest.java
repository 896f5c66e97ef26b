package com.nija.shared.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Position P&L over arbitrary sizes and prices")
class PositionMathPropertiesTest {

    @Property(tries = 500)
    @Label("a long and a short of the same size and entry have opposite P&L at any price")
    void longIsMirrorOfShort(@ForAll("quantities") BigDecimal qty, @ForAll("prices") BigDecimal entry,
                             @ForAll("prices") BigDecimal price) {
        BigDecimal lng = PositionMath.unrealizedPnl(Side.LONG, qty, entry, price);
        BigDecimal shrt = PositionMath.unrealizedPnl(Side.SHORT, qty, entry, price);

        assertThat(lng).isEqualByComparingTo(shrt.negate());
    }

    @Property(tries = 500)
    @Label("a long gains exactly when the price is above entry, and a short exactly when it is below")
    void gainFollowsPriceDirection(@ForAll("quantities") BigDecimal qty, @ForAll("prices") BigDecimal entry,
                                   @ForAll("prices") BigDecimal price) {
        int move = price.compareTo(entry);

        assertThat(PositionMath.unrealizedPnl(Side.LONG, qty, entry, price).signum()).isEqualTo(move);
        assertThat(PositionMath.unrealizedPnl(Side.SHORT, qty, entry, price).signum()).isEqualTo(-move);
    }

    @Property(tries = 300)
    @Label("P&L at the entry price is zero for either side")
    void zeroAtEntry(@ForAll("quantities") BigDecimal qty, @ForAll("prices") BigDecimal entry) {
        assertThat(PositionMath.unrealizedPnl(Side.LONG, qty, entry, entry)).isZero();
        assertThat(PositionMath.unrealizedPnl(Side.SHORT, qty, entry, entry)).isZero();
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.00000001"), new BigDecimal("10000")).ofScale(8);
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("200000")).ofScale(4);
    }

}
