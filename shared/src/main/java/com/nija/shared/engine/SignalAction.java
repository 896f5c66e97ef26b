package com.nija.shared.engine;

import java.util.Locale;
import java.util.Optional;

/** What a signal asks for. TradingView's {@code close} is NIJA's {@code exit}. */
public enum SignalAction {
    BUY, SELL, EXIT, CANCEL;

    public static Optional<SignalAction> parse(String text) {
        if (text == null) return Optional.empty();
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "buy", "long" -> Optional.of(BUY);
            case "sell", "short" -> Optional.of(SELL);
            case "exit", "close", "flat" -> Optional.of(EXIT);
            case "cancel" -> Optional.of(CANCEL);
            default -> Optional.empty();
        };
    }
}
