package com.nija.shared.trading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Market symbols in one canonical form, BASE-QUOTE ({@code BTC-USD}); {@code BTCUSD} and {@code btc/usd} name the same market. */
public final class Symbols {
    private static final Pattern CANONICAL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z]{3,4}");
    private static final List<String> QUOTES = List.of("USDT", "USDC", "USD", "EUR", "GBP", "BTC", "ETH");

    private Symbols() {}

    /** Canonical form, or empty when the text names no market we can read. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.trim().toUpperCase(Locale.ROOT).replace('/', '-').replace('_', '-');
        if (CANONICAL.matcher(s).matches()) return Optional.of(s);
        if (s.indexOf('-') < 0) {
            for (String quote : QUOTES) {
                if (s.endsWith(quote) && s.length() > quote.length() + 1) {
                    String candidate = s.substring(0, s.length() - quote.length()) + "-" + quote;
                    if (CANONICAL.matcher(candidate).matches()) return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
