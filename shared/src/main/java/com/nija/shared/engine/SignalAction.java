package com.nija.shared.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * What a signal asks for. TradingView's {@code close} (and {@code flat}) is NIJA's {@code exit}. {@code long} and
 * {@code short} are refused, not aliases: {@code sell} exits an open long before it ever opens a short, so a sender
 * writing {@code short} would get something other than what the word says.
 */
public enum SignalAction {
    BUY, SELL, EXIT, CANCEL;

    public static Optional<SignalAction> parse(String text) {
        if (text == null) return Optional.empty();
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "buy" -> Optional.of(BUY);
            case "sell" -> Optional.of(SELL);
            case "exit", "close", "flat" -> Optional.of(EXIT);
            case "cancel" -> Optional.of(CANCEL);
            default -> Optional.empty();
        };
    }
}
