package com.nija.shared.engine;

import com.nija.shared.data.ControlItem;
import com.nija.shared.data.Keys;
import com.nija.shared.input.InputLimits;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The global kill switch. Read at most every 500 ms per process, so engaging it stops new orders everywhere
 * within a second without a DynamoDB read per order.
 */
@Singleton
public class KillSwitch {
    private static final long REFRESH_NANOS = 500_000_000L;

    private final ControlRepository controls;
    private final Clock clock;
    private volatile ControlItem state;
    private volatile long readAt;
    private final List<KillSwitchListener> listeners;

    public KillSwitch(ControlRepository controls, Clock clock, List<KillSwitchListener> listeners) {
        this.controls = controls;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** The reason it is engaged, or empty when trading may proceed. */
    public Optional<String> engaged() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > REFRESH_NANOS) {
            state = controls.killSwitch().orElse(null);
            readAt = now;
        }
        ControlItem s = state;
        return s != null && Boolean.TRUE.equals(s.engaged()) ? Optional.of(s.reason() == null ? "engaged" : s.reason())
                : Optional.empty();
    }

    /** @throws com.nija.shared.problem.InvalidInputException when the reason is longer than free text may be */
    public ControlItem set(boolean engaged, String reason, String by) {
        InputLimits.requireText("reason", reason);
        ControlItem item = new ControlItem(Keys.CONTROL, Keys.KILL_SWITCH, engaged, reason, by, clock.instant());
        controls.save(item);
        state = item;
        readAt = System.nanoTime();
        listeners.forEach(l -> l.killSwitchChanged(item));
        return item;
    }

    public Optional<ControlItem> current() {
        return controls.killSwitch();
    }
}
