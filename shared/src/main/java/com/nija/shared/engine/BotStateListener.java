package com.nija.shared.engine;

import com.nija.shared.account.BotState;

/** Told when a trader pauses or resumes their bot (live pushes hook in here); must never throw. */
public interface BotStateListener {
    /** {@code reason} says who did it, for the trader's other devices. */
    void botStateChanged(String userId, BotState state, String reason);
}
