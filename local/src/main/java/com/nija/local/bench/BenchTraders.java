package com.nija.local.bench;

import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.data.TradingTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Benchmark traders written straight into the table (8 at a time): a running pro profile with $10,000, and settings
 * that trade 1% per order, allow shorts, and follow the given signal sources.
 */
final class BenchTraders {
    private BenchTraders() {}

    static void seed(TradingTables tables, int count, IntFunction<String> userOf, IntFunction<List<String>> followsOf)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String user = userOf.apply(i);
            List<String> follows = followsOf.apply(i);
            pool.submit(() -> {
                tables.profiles().putItem(new ProfileItem(Keys.user(user), Keys.PROFILE, user, null, "pro", "active",
                        "RUNNING", new BigDecimal("10000.00"), 0L, now, now, null));
                tables.settings().putItem(new SettingsItem(Keys.user(user), Keys.SETTINGS, new BigDecimal("1"), 10,
                        new BigDecimal("5000"), List.of(), null, null, true, true, follows, Keys.enabledShard(user),
                        user, now, null));
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
    }
}
