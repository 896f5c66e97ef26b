package com.nija.local.demo;

import com.nija.shared.account.BotState;
import com.nija.shared.account.ProfileService;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PositionItem;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.data.TradeItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.market.PriceBook;
import com.nija.shared.performance.RollupRepository;
import com.nija.shared.strategy.ApexScanService;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * Seeds a demo trader the way the paper broker would have left them: 90 days of round trips (300+ fills) on
 * five markets along a seeded random walk, three open positions, roll-ups written through the same atomic
 * ADD path the engine uses, latest prices; cash follows from them (it is derived, never stored). Skips a trader
 * that already has a profile, so restarting with {@code --data} never doubles the history.
 */
public final class DemoSeeder {
    public static final String DEMO_TRADER = "demo-trader";
    /** The signal source {@code up --demo} registers and subscribes the demo trader to (with APEX's). */
    public static final String DEMO_SOURCE = "demo";
    static final BigDecimal FEE_RATE = new BigDecimal("0.001"); // paper broker: 0.1% of notional per fill
    private static final Map<String, Double> START_PRICES = Map.of(
            "BTC-USD", 61000.0, "ETH-USD", 3200.0, "SOL-USD", 140.0, "ADA-USD", 0.42, "DOGE-USD", 0.15);
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "DOGE-USD");
    /**
     * A market the demo trader may trade and has a price for but never holds, so the first signal a newcomer sends
     * (the {@code up --demo} banner's, the README's) places an order instead of being refused as "already long".
     */
    public static final String FIRST_SIGNAL_MARKET = "XRP-USD";
    private static final BigDecimal FIRST_SIGNAL_PRICE = new BigDecimal("0.55");
    private static final int DAYS = 90;
    private static final int CLOSED_POSITIONS = 160;
    private static final int OPEN_POSITIONS = 3;

    private final TradingTables tables;
    private final RollupRepository rollups;
    private final PriceBook prices;

    public DemoSeeder(TradingTables tables, RollupRepository rollups, PriceBook prices) {
        this.tables = tables;
        this.rollups = rollups;
        this.prices = prices;
    }

    /** The body of the first signal to send ({@code up --demo} prints it): a buy the demo trader's books allow. */
    public static String firstSignal(String secret) {
        return "{\"source\":\"" + DEMO_SOURCE + "\",\"secret\":\"" + secret + "\",\"symbol\":\"" + FIRST_SIGNAL_MARKET
                + "\",\"action\":\"buy\"}";
    }

    /** Seeds {@code userId} unless they exist. @return number of fills written (0 when skipped) */
    public int seed(String userId, Instant now) {
        if (tables.profiles().getItem(Key.builder().partitionValue(Keys.user(userId)).sortValue(Keys.PROFILE).build()) != null) {
            return 0;
        }
        Random random = new Random(42); // same demo history every time
        Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(DAYS));
        PricePaths paths = PricePaths.generate(random, SYMBOLS, START_PRICES, start, DAYS * 24);
        List<PositionItem> positions = new ArrayList<>();
        List<TradeItem> fills = new ArrayList<>();
        int total = CLOSED_POSITIONS + OPEN_POSITIONS;
        for (int i = 0; i < total; i++) {
            boolean open = i >= CLOSED_POSITIONS;
            String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
            Side side = random.nextDouble() < 0.8 ? Side.LONG : Side.SHORT;
            int openHour = open ? DAYS * 24 - 1 - random.nextInt(48) : random.nextInt(DAYS * 24 - 50);
            int closeHour = openHour + 1 + random.nextInt(48);
            BigDecimal notional = BigDecimal.valueOf(200 + random.nextInt(301));
            roundTrip(userId, i, symbol, side, notional, paths, start, openHour, open ? -1 : closeHour, positions, fills);
        }
        write(userId, positions, fills, paths, now);
        return fills.size();
    }

    /** Builds one position and its fills. */
    private void roundTrip(String userId, int n, String symbol, Side side, BigDecimal notional, PricePaths paths,
                                 Instant start, int openHour, int closeHour, List<PositionItem> positions,
                                 List<TradeItem> fills) {
        String positionId = String.format("demo-p-%04d", n);
        BigDecimal entry = paths.price(symbol, openHour);
        BigDecimal qty = notional.divide(entry, 8, RoundingMode.DOWN);
        BigDecimal entryFee = money(qty.multiply(entry).multiply(FEE_RATE));
        Instant openedAt = start.plus(Duration.ofHours(openHour)).plusSeconds(n % 3600);
        fills.add(fill(userId, positionId + "-open", positionId, symbol, side == Side.LONG ? "BUY" : "SELL",
                qty, entry, entryFee, null, openedAt));
        if (closeHour < 0) {
            positions.add(new PositionItem(Keys.user(userId), Keys.position(positionId), positionId, userId, symbol,
                    side.name(), qty, entry, PositionStatus.OPEN.name(), openedAt, null, null, null, entryFee,
                    null, null, Keys.openBySymbol(symbol), userId + "#" + positionId, null, null, null, null));
            return;
        }
        BigDecimal exit = paths.price(symbol, closeHour);
        BigDecimal exitFee = money(qty.multiply(exit).multiply(FEE_RATE));
        BigDecimal realized = money(exit.subtract(entry).multiply(qty).multiply(BigDecimal.valueOf(side.sign()))
                .subtract(entryFee).subtract(exitFee));
        Instant closedAt = start.plus(Duration.ofHours(closeHour)).plusSeconds(n % 3600);
        fills.add(fill(userId, positionId + "-close", positionId, symbol, side == Side.LONG ? "SELL" : "BUY",
                qty, exit, exitFee, realized, closedAt));
        positions.add(new PositionItem(Keys.user(userId), Keys.position(positionId), positionId, userId, symbol,
                side.name(), qty, entry, PositionStatus.CLOSED.name(), openedAt, closedAt, exit, realized,
                entryFee.add(exitFee), null, null, null, null, null, null, null, null));
    }

    private static TradeItem fill(String userId, String tradeId, String positionId, String symbol, String side,
                                  BigDecimal qty, BigDecimal price, BigDecimal fee, BigDecimal realized, Instant at) {
        return new TradeItem(Keys.user(userId), Keys.trade(at, tradeId), tradeId, "demo-o-" + tradeId, positionId,
                symbol, side, qty, price, fee, realized, at, at.plus(Duration.ofDays(90)).getEpochSecond());
    }

    private void write(String userId, List<PositionItem> positions, List<TradeItem> fills, PricePaths paths,
                       Instant now) {
        batch(fills, tables.trades(), TradeItem.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> pending = new ArrayList<>();
            // Positions carry an optimistic-locking version, which BatchWriteItem cannot condition on: one put each.
            for (PositionItem p : positions) pending.add(pool.submit(() -> tables.positions().putItem(p)));
            for (PositionItem p : positions) {
                if (p.closedAt() == null) continue;
                pending.add(pool.submit(() -> rollups.addClose(userId, p.closedAt(), p.fees(),
                        p.quantity().multiply(p.exitPrice()), p.realizedPnl(), p.positionId() + "-close")));
            }
            for (Future<?> f : pending) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("seeding roll-ups failed", e);
        } finally {
            pool.shutdown();
        }
        for (String symbol : SYMBOLS) prices.update(symbol, paths.latest(symbol), now);
        prices.update(FIRST_SIGNAL_MARKET, FIRST_SIGNAL_PRICE, now);
        List<String> allowed = new ArrayList<>(SYMBOLS);
        allowed.add(FIRST_SIGNAL_MARKET);
        tables.settings().putItem(new SettingsItem(Keys.user(userId), Keys.SETTINGS, new BigDecimal("3"), 10,
                new BigDecimal("300"), allowed, new BigDecimal("3"), new BigDecimal("6"), true, true,
                List.of(DEMO_SOURCE, ApexScanService.SOURCE), Keys.enabledShard(userId), userId, now, null));
        // The profile goes last: its presence marks the seed as complete.
        tables.profiles().putItem(new ProfileItem(Keys.user(userId), Keys.PROFILE, userId, "Demo Trader", "pro",
                "active", BotState.RUNNING.name(), ProfileService.STARTING_BALANCE, 0L, now.minus(Duration.ofDays(DAYS)),
                now, null));
    }

    private <T> void batch(List<T> items, software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable<T> table, Class<T> type) {
        for (int from = 0; from < items.size(); from += 25) { // BatchWriteItem takes at most 25 items
            WriteBatch.Builder<T> batch = WriteBatch.builder(type).mappedTableResource(table);
            items.subList(from, Math.min(items.size(), from + 25)).forEach(batch::addPutItem);
            var result = tables.enhanced().batchWriteItem(b -> b.writeBatches(batch.build()));
            List<T> unprocessed = result.unprocessedPutItemsForTable(table);
            unprocessed.forEach(table::putItem);
        }
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
