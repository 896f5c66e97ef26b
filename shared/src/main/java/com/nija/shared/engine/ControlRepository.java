package com.nija.shared.engine;

import com.nija.shared.data.ControlItem;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Platform-wide switches; today the global kill switch. */
@Singleton
public class ControlRepository {
    private final TradingTables tables;

    public ControlRepository(TradingTables tables) {
        this.tables = tables;
    }

    public Optional<ControlItem> killSwitch() {
        return Optional.ofNullable(tables.controls().getItem(Key.builder().partitionValue(Keys.CONTROL)
                .sortValue(Keys.KILL_SWITCH).build()));
    }

    public void save(ControlItem control) {
        tables.controls().putItem(control);
    }
}
