package com.nija.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.testing.RandomCases;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The JSON mapper over random decimals (seeded)")
class JsonPropertiesTest {
    private static final long MAX_UNSCALED = 1_000_000_000_000_000L;

    public record Money(BigDecimal amount) {}

    @Test
    @DisplayName("any decimal is written without exponent and read back as the same amount (seed 201, 500 cases)")
    void anyDecimalRoundTrips() {
        RandomCases.check(201, 500, r -> {
            int scale = r.intBetween(-12, 18);
            BigDecimal amount = new BigDecimal(BigInteger.valueOf(r.longBetween(-MAX_UNSCALED, MAX_UNSCALED)), scale);

            String json = write(new Money(amount));
            Money back = read(json);

            assertThat(json).matches("\\{\"amount\":\"-?\\d+(\\.\\d+)?\"}");
            assertThat(back.amount()).isEqualByComparingTo(amount);
            if (scale >= 0) assertThat(back.amount()).isEqualTo(amount);
        });
    }

    private static String write(Money money) {
        try {
            return Json.MAPPER.writeValueAsString(money);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Money read(String json) {
        try {
            return Json.MAPPER.readValue(json, Money.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
