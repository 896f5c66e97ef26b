package com.nija.shared.engine;

import com.nija.shared.signals.Signal;

/**
 * One trader's share of work: a signal to act on, or a close of one position ({@code positionId} set) for a
 * stop-loss, take-profit or the trader's own request. {@code trigger}: signal, stop-loss, take-profit, manual,
 * limit-fill.
 */
public record OrderRequest(String userId, Signal signal, String positionId, String trigger) {
    public static final String SIGNAL = "signal";
    public static final String STOP_LOSS = "stop-loss";
    public static final String TAKE_PROFIT = "take-profit";
    public static final String MANUAL = "manual";
    public static final String LIMIT_FILL = "limit-fill";

    /**
     * Deterministic: the same request always gets the same order id. A limit fill resumes the order that rested,
     * whose id its signal id carries; closes of one position all share one id, so only one can ever act.
     */
    public String orderId() {
        return LIMIT_FILL.equals(trigger) ? signal.signalId() : OrderIds.of(signal.signalId(), userId);
    }
}
