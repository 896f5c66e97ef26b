package com.nija.shared.graduation;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Graduation waivers, beside the trader's profile in the trading table. */
@Singleton
public class GraduationRepository {
    private final DynamoDbTable<GraduationWaiverItem> table;

    public GraduationRepository(TradingTables tables) {
        this.table = tables.table(GraduationWaiverItem.class);
    }

    public Optional<GraduationWaiverItem> waiver(String userId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(GraduationWaiverItem.SK).build()).consistentRead(true)));
    }

    /** Writes the waiver unless the trader has one; false (nothing written) when they do. */
    public boolean createIfAbsent(GraduationWaiverItem waiver) {
        return ConditionalPut.ifAbsent(table, waiver);
    }
}
