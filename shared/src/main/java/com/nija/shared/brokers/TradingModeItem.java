package com.nija.shared.brokers;

import com.nija.shared.data.Keys;
import java.time.Instant;

/**
 * A trader's trading mode ({@code sk = MODE}); no item means {@link TradingMode#PAPER}. {@code venue}: the live
 * venue new orders go to (live only); {@code acknowledgedAt}: when the trader acknowledged the risk of live trading.
 *
 * <p>{@code gsi2pk/gsi2sk} list the trader under {@code TRADING_LIVE#<shard>} while live, and nowhere while on paper,
 * so reconciliation finds the live traders through the index without a scan. They follow {@code mode} and
 * {@code userId} whatever a caller passes, so no writer can list a paper trader or miss a live one.
 */
public record TradingModeItem(String pk, String sk, String userId, TradingMode mode, String venue,
                              Instant acknowledgedAt, Instant changedAt, String gsi2pk, String gsi2sk, Long version) {

    public TradingModeItem {
        boolean listed = mode == TradingMode.LIVE && userId != null;
        gsi2pk = listed ? Keys.liveTradingShard(userId) : null;
        gsi2sk = listed ? userId : null;
    }

    /** A mode item; its listing keys follow from {@code mode}. */
    public TradingModeItem(String pk, String sk, String userId, TradingMode mode, String venue, Instant acknowledgedAt,
                           Instant changedAt, Long version) {
        this(pk, sk, userId, mode, venue, acknowledgedAt, changedAt, null, null, version);
    }

    public boolean live() {
        return mode == TradingMode.LIVE;
    }

    /** True when new orders go live to {@code venueWire}. */
    public boolean liveOn(String venueWire) {
        return live() && venueWire.equals(venue);
    }
}
