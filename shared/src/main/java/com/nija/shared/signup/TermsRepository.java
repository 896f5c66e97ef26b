package com.nija.shared.signup;

import com.nija.shared.data.ConditionalPut;
import com.nija.shared.data.Keys;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Traders' recorded acceptance of the terms, beside their profile in the trading table. */
@Singleton
public class TermsRepository {
    private final DynamoDbTable<TermsAcceptanceItem> table;

    public TermsRepository(TradingTables tables) {
        this.table = tables.table(TermsAcceptanceItem.class);
    }

    public Optional<TermsAcceptanceItem> find(String userId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(Keys.user(userId))
                .sortValue(TermsAcceptanceItem.SK).build()).consistentRead(true)));
    }

    /** The sign-up's acceptance: written once; false (nothing written) when the trader has one already. */
    public boolean createIfAbsent(TermsAcceptanceItem item) {
        return ConditionalPut.ifAbsent(table, item);
    }

    /** A later acceptance replaces the earlier one (the audit trail keeps each). */
    public void put(TermsAcceptanceItem item) {
        table.putItem(item);
    }
}
