package com.nija.functions.support;

import com.nija.shared.account.BotState;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.data.TradeItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.market.PriceBook;
import com.nija.shared.performance.RollupRepository;
import com.nija.shared.settings.RiskSettings;
import com.nija.shared.settings.SettingsService;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.Side;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A trader with a fresh, unique id ({@code t-<uuid>}) and helpers that seed their data through the shared module's
 * real tables and repositories, the way the engine would have left it. Tests never share a trader, so they never
 * see each other's items or cache entries.
 *
 * <p>Prices are not per trader: {@link #price} sets a market's latest price for everyone. Test classes run one after
 * another in one JVM, so a test sets the prices it depends on in its own arrange step.
 */
public final class TraderFixture {
    private final String userId;
    private final TradingTables tables;
    private final RollupRepository rollups;
    private final PriceBook prices;
    private final SettingsService settings;
    private int closes;

    private TraderFixture(ApplicationContext context) {
        this.userId = "t-" + UUID.randomUUID();
        this.tables = context.getBean(TradingTables.class);
        this.rollups = context.getBean(RollupRepository.class);
        this.prices = context.getBean(PriceBook.class);
        this.settings = context.getBean(SettingsService.class);
    }

    /** A trader nobody has seen: no profile, settings, positions or trades. */
    public static TraderFixture newTrader() {
        return new TraderFixture(LocalBackends.get().context());
    }

    public String userId() {
        return userId;
    }

    /** Stores the trader's profile: their tier, bot state and the paper account's starting balance. */
    public TraderFixture profile(String tier, BotState botState, String startingBalance) {
        Instant now = PlatformClock.system().instant();
        tables.profiles().putItem(new ProfileItem(Keys.user(userId), Keys.PROFILE, userId, "Test Trader", tier,
                "active", botState.name(), new BigDecimal(startingBalance), 0L, now, now, null));
        return this;
    }

    /** An open position; {@code fee} is what opening it cost. */
    public PositionItem openPosition(String positionId, String symbol, Side side, String quantity, String entryPrice,
                                     String fee) {
        PositionItem item = new PositionItem(Keys.user(userId), Keys.position(positionId), positionId, userId, symbol,
                side.name(), new BigDecimal(quantity), new BigDecimal(entryPrice), PositionStatus.OPEN.name(),
                PlatformClock.system().instant().minus(Duration.ofHours(2)), null, null, null, new BigDecimal(fee), null, null,
                Keys.openBySymbol(symbol), userId + "#" + positionId, null, null, null, null);
        tables.positions().putItem(item);
        return item;
    }

    /** A closed position with its exit price, realized P&L (net of fees) and the fees of the round trip. */
    public PositionItem closedPosition(String positionId, String symbol, Side side, String quantity, String entryPrice,
                                       String exitPrice, String realizedPnl, String fees) {
        Instant closedAt = PlatformClock.system().instant().minus(Duration.ofHours(1));
        PositionItem item = new PositionItem(Keys.user(userId), Keys.position(positionId), positionId, userId, symbol,
                side.name(), new BigDecimal(quantity), new BigDecimal(entryPrice), PositionStatus.CLOSED.name(),
                closedAt.minus(Duration.ofHours(3)), closedAt, new BigDecimal(exitPrice), new BigDecimal(realizedPnl),
                new BigDecimal(fees), null, null, null, null, null, null, null, null);
        tables.positions().putItem(item);
        return item;
    }

    /** One fill in the trade history only (no roll-up), as a page of history needs. */
    public TradeItem trade(String tradeId, String symbol, String side, String quantity, String price, Instant at) {
        TradeItem item = new TradeItem(Keys.user(userId), Keys.trade(at, tradeId), tradeId, "o-" + tradeId, "p-" + tradeId,
                symbol, side, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal("0.10"), null, at,
                at.plus(Duration.ofDays(90)).getEpochSecond());
        tables.trades().putItem(item);
        return item;
    }

    /**
     * A closed round trip as the engine records it: added to the hour, day, week and lifetime roll-ups through the
     * same atomic {@code ADD} path the engine uses, under a fresh closing-order id.
     *
     * @param fees        entry and exit fees of the round trip
     * @param realizedPnl net P&L the close realized
     */
    public TraderFixture rollupClose(Instant at, String fees, String notional, String realizedPnl) {
        rollups.addClose(userId, at, new BigDecimal(fees), new BigDecimal(notional), new BigDecimal(realizedPnl),
                "close-" + (++closes));
        return this;
    }

    /** Sets the latest price of a market (for every trader), durably and in Redis. */
    public TraderFixture price(String symbol, String price) {
        prices.update(symbol, new BigDecimal(price), PlatformClock.system().instant());
        return this;
    }

    /** Saves settings through the real service (validation, optimistic locking, cache invalidation). */
    public RiskSettings saveSettings(RiskSettings wanted, long expectedVersion) {
        return settings.replace(userId, wanted, expectedVersion);
    }

    /** Valid settings with trading switched on or off. */
    public static RiskSettings settings(boolean tradingEnabled) {
        return new RiskSettings(new BigDecimal("3"), 3, new BigDecimal("250"), List.of("BTC-USD"), null, null, true,
                tradingEnabled, List.of(), null, null);
    }

    /** The settings item as stored in DynamoDB, bypassing every cache. */
    public Optional<SettingsItem> storedSettings() {
        return Optional.ofNullable(tables.settings().getItem(Key.builder()
                .partitionValue(Keys.user(userId)).sortValue(Keys.SETTINGS).build()));
    }

    /** How many items of any kind are stored under a user's partition, bypassing every cache. */
    public static int storedItemCount(String userId) {
        TradingTables tables = LocalBackends.get().context().getBean(TradingTables.class);
        return tables.client().query(q -> q.tableName(tables.name())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(userId))))
                .select("COUNT")).count();
    }

    /** How many items the trading table holds in all (a scan: for "nothing was written" checks on the small test table). */
    public static int storedItemCount() {
        TradingTables tables = LocalBackends.get().context().getBean(TradingTables.class);
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = tables.client().scan(s -> s.tableName(tables.name()).select("COUNT").exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }
}
