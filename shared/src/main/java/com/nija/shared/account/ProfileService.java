package com.nija.shared.account;

import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Reads a trader's profile; a trader seen for the first time has NIJA's starting paper account. */
@Singleton
public class ProfileService {
    /** Paper ("education") mode starts every trader with $10,000 of simulated money. */
    public static final BigDecimal STARTING_BALANCE = new BigDecimal("10000.00");

    private final TradingTables tables;

    public ProfileService(TradingTables tables) {
        this.tables = tables;
    }

    public ProfileItem get(String userId) {
        ProfileItem item = tables.profiles().getItem(Key.builder()
                .partitionValue(Keys.user(userId)).sortValue(Keys.PROFILE).build());
        return item != null ? item : newTrader(userId);
    }

    /** Writes the starting profile for a trader seen for the first time; leaves an existing one alone. */
    public void ensureExists(String userId) {
        try {
            tables.profiles().putItem(r -> r.item(newTrader(userId)).conditionExpression(
                    software.amazon.awssdk.enhanced.dynamodb.Expression.builder().expression("attribute_not_exists(pk)").build()));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException exists) {
            // already there
        }
    }

    static ProfileItem newTrader(String userId) {
        return new ProfileItem(Keys.user(userId), Keys.PROFILE, userId, null, TierCatalog.DEFAULT_TIER, "none",
                BotState.RUNNING.name(), STARTING_BALANCE, 0L, null, null, null);
    }
}
