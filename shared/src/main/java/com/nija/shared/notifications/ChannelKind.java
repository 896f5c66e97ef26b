package com.nija.shared.notifications;

import java.util.Arrays;
import java.util.Optional;

/** Where a notification can go, by its name in the API and in the path of its setup route. */
public enum ChannelKind {
    EMAIL("email"),
    WEBHOOK("webhook"),
    TELEGRAM("telegram"),
    DISCORD("discord");

    private final String wire;

    ChannelKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ChannelKind> parse(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ChannelKind::wire).toList());
    }
}
