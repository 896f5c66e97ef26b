package com.nija.shared.engine;

import java.util.Locale;
import java.util.Optional;

/** How a signal's {@code quantity} is meant: a percentage of equity, units of the asset, or US dollars. */
public enum QuantityType {
    PERCENT_OF_EQUITY, QUANTITY, USD;

    public static Optional<QuantityType> parse(String text) {
        if (text == null) return Optional.empty();
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "percent", "percent_of_equity", "pct", "percentage" -> Optional.of(PERCENT_OF_EQUITY);
            case "quantity", "fixed", "fixed_quantity", "units", "contracts" -> Optional.of(QUANTITY);
            case "usd", "dollar", "dollars", "dollar_amount", "cash" -> Optional.of(USD);
            default -> Optional.empty();
        };
    }
}
