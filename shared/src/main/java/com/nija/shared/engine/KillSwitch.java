package com.nija.shared.engine;

import com.nija.shared.data.ControlItem;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import com.nija.shared.input.InputLimits;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The global kill switch. Read at most every 500 ms per process, so engaging it stops new orders everywhere
 * within a second without a DynamoDB read per order.
 */
@Singleton
public class KillSwitch {
    private static final long REFRESH_NANOS = 500_000_000L;

    private final TradingTables tables;
    private final Clock clock;
    private volatile ControlItem state;
    private volatile long readAt;
    private final List<KillSwitchListener> listeners;

    public KillSwitch(TradingTables tables, Clock clock, List<KillSwitchListener> listeners) {
        this.tables = tables;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** The reason it is engaged, or empty when trading may proceed. */
    public Optional<String> engaged() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > REFRESH_NANOS) {
            state = tables.controls().getItem(Key.builder().partitionValue(Keys.CONTROL).sortValue(Keys.KILL_SWITCH).build());
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
        tables.controls().putItem(item);
        state = item;
        readAt = System.nanoTime();
        listeners.forEach(l -> l.killSwitchChanged(item));
        return item;
    }

    public Optional<ControlItem> current() {
        return Optional.ofNullable(tables.controls().getItem(Key.builder().partitionValue(Keys.CONTROL)
                .sortValue(Keys.KILL_SWITCH).build()));
    }
}
