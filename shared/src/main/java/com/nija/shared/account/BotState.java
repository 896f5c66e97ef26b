package com.nija.shared.account;

/** Whether the engine may act for a trader, independent of their own trading switch. */
public enum BotState {
    RUNNING,
    /** Paused by the trader, or by the engine after repeated broker errors. */
    PAUSED
}
