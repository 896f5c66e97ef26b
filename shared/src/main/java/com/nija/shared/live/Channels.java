package com.nija.shared.live;

import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.trading.Symbols;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a connection can subscribe to: {@code positions}, {@code orders}, {@code trades} (the trader's own) and
 * {@code prices:<SYMBOL>} (a market's prices, symbol in canonical form: {@code prices:btcusd} becomes
 * {@code prices:BTC-USD}). {@value #SYSTEM} (the kill switch) reaches every connection without a subscription.
 */
public final class Channels {
    public static final String POSITIONS = "positions";
    public static final String ORDERS = "orders";
    public static final String TRADES = "trades";
    public static final String PRICES_PREFIX = "prices:";
    /** Platform-wide events; not subscribable, always delivered. */
    public static final String SYSTEM = "system";

    private Channels() {}

    /** The canonical channel name, or a 400 refusal naming what is accepted. */
    public static String parse(String raw) {
        return normalize(raw).orElseThrow(() -> InvalidInputException.of("channels",
                "unknown channel '" + raw + "': use positions, orders, trades or prices:<SYMBOL> (e.g. prices:BTC-USD)"));
    }

    /** Canonical names of every channel, in the order given, duplicates removed; refuses the first unknown one. */
    public static Set<String> parseAll(Collection<String> raw) {
        if (raw == null || raw.isEmpty()) throw InvalidInputException.of("channels", "name at least one channel");
        Set<String> out = new LinkedHashSet<>();
        for (String r : raw) out.add(parse(r));
        return out;
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals(POSITIONS) || lower.equals(ORDERS) || lower.equals(TRADES)) return Optional.of(lower);
        if (lower.startsWith(PRICES_PREFIX)) {
            return Symbols.normalize(s.substring(PRICES_PREFIX.length())).map(Channels::prices);
        }
        return Optional.empty();
    }

    public static String prices(String canonicalSymbol) {
        return PRICES_PREFIX + canonicalSymbol;
    }

    /** The symbol of a {@code prices:} channel, or empty for any other channel. */
    public static Optional<String> symbolOf(String channel) {
        return channel.startsWith(PRICES_PREFIX) ? Optional.of(channel.substring(PRICES_PREFIX.length())) : Optional.empty();
    }
}
