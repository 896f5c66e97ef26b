package com.nija.shared.protections;

import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import com.nija.shared.problem.VersionConflictException;
import jakarta.inject.Singleton;
import io.micronaut.core.util.SupplierUtil;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** A trader's protection settings and state items, each written on condition of the version read. */
@Singleton
public class ProtectionStore {
    /** Concurrent engine updates of one trader's state are rare; a few rereads settle them. */
    static final int ATTEMPTS = 5;

    private final Supplier<DynamoDbTable<ProtectionSettingsItem>> settingsTable;
    private final Supplier<DynamoDbTable<ProtectionStateItem>> stateTable;

    public ProtectionStore(TradingTables tables) {
        // Schemas built on first use, once: most functions never read protections.
        this.settingsTable = SupplierUtil.memoized(() -> tables.table(ProtectionSettingsItem.class));
        this.stateTable = SupplierUtil.memoized(() -> tables.table(ProtectionStateItem.class));
    }

    public Optional<ProtectionSettingsItem> settings(String userId) {
        return Optional.ofNullable(settingsTable().getItem(key(userId, Keys.PROTECTIONS)));
    }

    public ProtectionStateItem state(String userId) {
        ProtectionStateItem item = stateTable().getItem(key(userId, Keys.PROTECTION_STATE));
        return item != null ? item : ProtectionStateItem.empty(Keys.user(userId), Keys.PROTECTION_STATE);
    }

    /** @throws VersionConflictException when someone saved in between (nothing written) */
    public void replace(ProtectionSettingsItem item) {
        try {
            settingsTable().putItem(item);
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException("protections changed since version "
                    + (item.version() == null ? 0 : item.version()) + "; read them again");
        }
    }

    /**
     * Applies {@code change} to the trader's state, starting from {@code read} (null: read it), rereading on a
     * concurrent write. {@code change} returns null when nothing is to be written.
     *
     * @return the state written, or empty when {@code change} wanted no write
     */
    public Optional<ProtectionStateItem> update(String userId, ProtectionStateItem read,
                                                UnaryOperator<ProtectionStateItem> change) {
        ProtectionStateItem current = read != null ? read : state(userId);
        for (int attempt = 1; ; attempt++) {
            ProtectionStateItem next = change.apply(current);
            if (next == null) return Optional.empty();
            try {
                stateTable().putItem(next); // the version attribute makes this conditional on what was read
                return Optional.of(next);
            } catch (ConditionalCheckFailedException raced) {
                if (attempt == ATTEMPTS) throw new IllegalStateException("protection state of a trader kept changing");
                current = state(userId);
            }
        }
    }

    private DynamoDbTable<ProtectionSettingsItem> settingsTable() {
        return settingsTable.get();
    }

    private DynamoDbTable<ProtectionStateItem> stateTable() {
        return stateTable.get();
    }

    private static Key key(String userId, String sk) {
        return Key.builder().partitionValue(Keys.user(userId)).sortValue(sk).build();
    }
}
