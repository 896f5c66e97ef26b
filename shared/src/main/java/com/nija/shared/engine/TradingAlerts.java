package com.nija.shared.engine;

import com.nija.shared.alerts.AlertKind;
import com.nija.shared.alerts.AlertRaiser;
import com.nija.shared.alerts.OperatorAlert;
import com.nija.shared.data.ControlItem;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Operator alerts of the trading core: the global kill switch engaged (critical: nobody trades) or released (info),
 * and a trader's bot paused by the engine after repeated broker errors (warning; a repeat within 15 minutes is
 * dropped). Raising never throws ({@link AlertRaiser}), so neither the switch nor the order path can fail by it.
 */
@Singleton
public class TradingAlerts implements KillSwitchListener, TradeListener {
    private final AlertRaiser alerts;
    private final Clock clock;

    public TradingAlerts(AlertRaiser alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void killSwitchChanged(ControlItem state) {
        boolean engaged = Boolean.TRUE.equals(state.engaged());
        AlertKind kind = engaged ? AlertKind.KILL_SWITCH_ENGAGED : AlertKind.KILL_SWITCH_RELEASED;
        String detail = (engaged ? "engaged" : "released") + " by " + state.changedBy() + ": " + state.reason();
        // Every change is its own event: keyed by its time, so none is taken for a repeat.
        alerts.raise(new OperatorAlert(kind, "all traders", detail, Long.toString(state.changedAt().toEpochMilli()),
                state.changedAt()));
    }

    @Override
    public void botPaused(String userId, String reason) {
        alerts.raise(new OperatorAlert(AlertKind.TRADER_AUTO_PAUSED, "trader " + userId, reason, userId,
                clock.instant()));
    }
}
