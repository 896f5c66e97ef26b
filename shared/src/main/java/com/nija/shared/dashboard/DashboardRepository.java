package com.nija.shared.dashboard;

import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.brokers.TradingModeItem;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PartitionBatch;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.RollupPeriod;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.data.TradingTables;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single items a dashboard shows (profile, settings, today's and the lifetime roll-up, trading mode), read in one
 * {@code BatchGetItem}: one round trip and one signed request instead of five.
 */
@Singleton
public class DashboardRepository {
    private static final String LIFETIME = Keys.rollup(RollupPeriod.ALL, Instant.EPOCH);

    private final TradingTables tables;
    private final BrokerLinkRepository brokers;

    public DashboardRepository(TradingTables tables, BrokerLinkRepository brokers) {
        this.tables = tables;
        this.brokers = brokers;
    }

    /** What was found; a missing profile, settings item or roll-up is null, a missing mode is paper. */
    public record Items(ProfileItem profile, SettingsItem settings, RollupItem today, RollupItem lifetime,
                        TradingModeItem mode) {}

    /**
     * The items as of {@code now} (which names today's roll-up). Read consistently: the mode must be (it decides
     * paper or live), and the batch takes one setting for the table.
     */
    public Items read(String userId, Instant now) {
        String today = Keys.rollup(RollupPeriod.DAY, now);
        Map<String, Map<String, AttributeValue>> found = PartitionBatch.get(tables.client(), tables.name(),
                Keys.user(userId), List.of(Keys.PROFILE, Keys.SETTINGS, today, LIFETIME, Keys.TRADING_MODE), true);
        return new Items(map(found.get(Keys.PROFILE), tables.profiles().tableSchema()::mapToItem),
                map(found.get(Keys.SETTINGS), tables.settings().tableSchema()::mapToItem),
                map(found.get(today), tables.rollups().tableSchema()::mapToItem),
                map(found.get(LIFETIME), tables.rollups().tableSchema()::mapToItem),
                brokers.mode(userId, found.get(Keys.TRADING_MODE)));
    }

    private static <T> T map(Map<String, AttributeValue> item, Function<Map<String, AttributeValue>, T> mapper) {
        return item == null ? null : mapper.apply(item);
    }
}
