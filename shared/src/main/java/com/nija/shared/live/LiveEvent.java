package com.nija.shared.live;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every kind of update the platform pushes, by the name clients switch on. A push can only name one of these, and
 * {@code docs/api/asyncapi.yaml} has an update message for each ({@code AsyncApiRoutesTest}): an event added here
 * without its document fails there.
 */
public enum LiveEvent {
    ORDER_FILLED("order.filled"),
    /** A filled order recorded again without a fill of its own. */
    ORDER_RECORDED("order.recorded"),
    ORDER_SUBMITTED("order.submitted"),
    /** A limit order resting at the venue. */
    ORDER_PLACED("order.placed"),
    ORDER_CANCELLED("order.cancelled"),
    ORDER_REFUSED("order.refused"),
    ORDER_FAILED("order.failed"),
    TRADE_EXECUTED("trade.executed"),
    POSITION_OPENED("position.opened"),
    POSITION_CLOSED("position.closed"),
    PNL_CHANGED("pnl.changed"),
    POSITION_DRIFT("position.drift"),
    PRICE("price"),
    BOT_PAUSED("bot.paused"),
    BOT_RESUMED("bot.resumed"),
    /** One of the trader's protections fired (drawdown, stoploss guard, daily profit target). */
    PROTECTION_TRIPPED("protection.tripped"),
    KILLSWITCH_ENGAGED("killswitch.engaged"),
    KILLSWITCH_RELEASED("killswitch.released"),
    /** Stands in for an update too large to fit a message even alone. */
    UPDATE_TOO_LARGE("update.too-large");

    private final String wireName;

    LiveEvent(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
