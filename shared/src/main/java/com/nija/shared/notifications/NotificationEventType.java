package com.nija.shared.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a trader can be told about, by its name in the API ({@code fill}, {@code refusal}…). {@link #CHANNEL_DISABLED}
 * is the platform's own notice that a channel stopped working: it is not chosen in preferences but always goes to the
 * trader's email when they set one up.
 */
public enum NotificationEventType {
    FILL("fill", "an order filled"),
    REFUSAL("refusal", "an order was refused"),
    AUTO_PAUSE("auto-pause", "your bot was paused after repeated broker errors"),
    DRAWDOWN_STOP("drawdown-stop", "new orders stopped at the drawdown limit"),
    /** Any other protection that fired: the drawdown warning, a symbol's stoploss guard, the daily profit target. */
    PROTECTION("protection", "a protection fired: the drawdown warning, a symbol's cooldown or the daily profit target"),
    LIVE_MODE("live-mode", "your trading mode changed between paper and live"),
    TRIAL_ENDING("trial-ending", "your trial ends soon"),
    PAYMENT_FAILED("payment-failed", "a payment failed"),
    CHANNEL_DISABLED("channel-disabled", "a notification channel was disabled after repeated failures");

    /** The events preferences may route (every one but the platform's own notice). */
    public static final List<NotificationEventType> SELECTABLE =
            Arrays.stream(values()).filter(t -> t != CHANNEL_DISABLED).toList();

    private final String wire;
    private final String description;

    NotificationEventType(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    public String wire() {
        return wire;
    }

    public String description() {
        return description;
    }

    public static Optional<NotificationEventType> parse(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    /** Selectable events' names, for messages: {@code fill, refusal, …}. */
    public static String selectableNames() {
        return String.join(", ", SELECTABLE.stream().map(NotificationEventType::wire).toList());
    }
}
