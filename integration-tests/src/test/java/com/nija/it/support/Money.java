package com.nija.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Reading money and prices out of API bodies exactly (JSON strings or numbers, never doubles). */
public final class Money {
    private Money() {}

    /** A decimal field; fails when it is missing or null. */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.path(field);
        assertThat(v.isMissingNode() || v.isNull()).as("%s in %s", field, node).isFalse();
        return new BigDecimal(v.asText());
    }

    /** A money field to the cent (the API may carry more decimals than it books). */
    public static BigDecimal cents(JsonNode node, String field) {
        return money(decimal(node, field));
    }

    /** Rounded to the cent, half even, as NIJA rounds money at the edge. */
    public static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
