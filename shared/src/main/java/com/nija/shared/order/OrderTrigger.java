package com.nija.shared.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What caused an order: a signal, or the engine itself when a price crossed a position's stop-loss, take-profit or a
 * rung of its take-profit ladder, or a resting limit order, or a trader closing a position by hand. An order no signal caused records the trigger's
 * {@link #source()} and {@link #label()} where a signal's order records its source and strategy.
 */
public enum OrderTrigger {
    SIGNAL("signal", null),
    STOP_LOSS("stop-loss", "engine"),
    TAKE_PROFIT("take-profit", "engine"),
    /** A rung of a position's take-profit ladder closing its part of the position (not all of it). */
    SCALE_OUT("scale-out", "engine"),
    LIMIT_FILL("limit-fill", "engine"),
    MANUAL_CLOSE("manual", "trader");

    private final String label;
    private final String source;

    OrderTrigger(String label, String source) {
        this.label = label;
        this.source = source;
    }

    /** How orders and queued messages spell it ({@code stop-loss}). */
    @JsonValue
    public String label() {
        return label;
    }

    /** Who caused an order that no signal did: {@code engine} or {@code trader}; null for {@link #SIGNAL}. */
    public String source() {
        return source;
    }

    /** Whether this closes one named position (its order id is the position's close id). */
    public boolean closesPosition() {
        return this == STOP_LOSS || this == TAKE_PROFIT || this == MANUAL_CLOSE;
    }

    @JsonCreator
    static OrderTrigger fromLabel(String label) {
        for (OrderTrigger t : values()) {
            if (t.label.equals(label)) return t;
        }
        throw new IllegalArgumentException("not an order trigger: " + label);
    }
}
