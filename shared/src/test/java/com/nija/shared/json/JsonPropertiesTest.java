package com.nija.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Label("The JSON mapper over arbitrary decimals")
class JsonPropertiesTest {
    private static final long MAX_UNSCALED = 1_000_000_000_000_000L;

    public record Money(BigDecimal amount) {}

    @Property(tries = 500)
    @Label("any decimal is written without exponent and read back as the same amount")
    void anyDecimalRoundTrips(@ForAll @LongRange(min = -MAX_UNSCALED, max = MAX_UNSCALED) long unscaled,
                              @ForAll @IntRange(min = -12, max = 18) int scale) throws Exception {
        BigDecimal amount = new BigDecimal(BigInteger.valueOf(unscaled), scale);

        String json = Json.MAPPER.writeValueAsString(new Money(amount));
        Money back = Json.MAPPER.readValue(json, Money.class);

        assertThat(json).matches("\\{\"amount\":\"-?\\d+(\\.\\d+)?\"}");
        assertThat(back.amount()).isEqualByComparingTo(amount);
        if (scale >= 0) assertThat(back.amount()).isEqualTo(amount);
    }
}
