package com.nija.shared.capacity;

/**
 * The traffic a capacity or cost projection is for. Rates are averages over a trading day; a signal's followers all
 * receive their order at once, which is the burst the executor is sized for.
 *
 * @param traders                     registered, active traders
 * @param signalsPerHour              signals from all sources together
 * @param followersPerSignal          traders each signal fans out to (at most {@code traders})
 * @param readsPerTraderPerHour       dashboard, positions, trades and performance reads per trader
 * @param settingsSavesPerTraderPerDay settings saves per trader
 * @param connectedShare              share of traders holding a WebSocket open (0..1)
 * @param priceBatchesPerMinute       price batches posted to /internal/prices
 * @param webhooksPerTraderPerMonth   Stripe webhook deliveries per trader
 */
public record Workload(int traders, double signalsPerHour, int followersPerSignal, double readsPerTraderPerHour,
                       double settingsSavesPerTraderPerDay, double connectedShare, double priceBatchesPerMinute,
                       double webhooksPerTraderPerMonth) {
    public static final double SECONDS_PER_MONTH = 730 * 3600.0;

    public Workload {
        if (traders < 1) throw new IllegalArgumentException("traders must be at least 1");
        if (followersPerSignal < 1 || followersPerSignal > traders) {
            throw new IllegalArgumentException("followers per signal must be between 1 and the number of traders");
        }
        if (signalsPerHour < 0 || readsPerTraderPerHour < 0 || settingsSavesPerTraderPerDay < 0
                || priceBatchesPerMinute < 0 || webhooksPerTraderPerMonth < 0) {
            throw new IllegalArgumentException("rates must not be negative");
        }
        if (connectedShare < 0 || connectedShare > 1) throw new IllegalArgumentException("connected share must be 0..1");
    }

    /**
     * Defaults for {@code traders}: 12 signals an hour, each to 5% of the traders (at least 1), 6 reads an hour and a
     * settings save a day per trader, a quarter of them connected, a price batch every 2 s, 2 webhooks a month each.
     */
    public static Workload defaults(int traders) {
        return new Workload(traders, 12, Math.max(1, traders / 20), 6, 1, 0.25, 30, 2);
    }

    public Workload withFollowers(int followers) {
        return new Workload(traders, signalsPerHour, followers, readsPerTraderPerHour, settingsSavesPerTraderPerDay,
                connectedShare, priceBatchesPerMinute, webhooksPerTraderPerMonth);
    }

    public double ordersPerSecond() {
        return signalsPerHour * followersPerSignal / 3600.0;
    }

    public double readsPerSecond() {
        return traders * readsPerTraderPerHour / 3600.0;
    }

    public double settingsSavesPerSecond() {
        return traders * settingsSavesPerTraderPerDay / 86_400.0;
    }

    public double connections() {
        return traders * connectedShare;
    }
}
