package com.nija.shared.brokers;

import java.time.Instant;
import java.util.Locale;

/**
 * Where a trader's new orders go, as the mode route, the account and the dashboard show it.
 *
 * @param mode                {@code paper} or {@code live}
 * @param venue               the live venue (live only)
 * @param since               when the mode last changed (null: paper since the account opened)
 * @param riskAcknowledgedAt  when the trader acknowledged the risk of live trading (live only)
 */
public record TradingModeView(String mode, String venue, Instant since, Instant riskAcknowledgedAt) {

    public static TradingModeView of(TradingModeItem item) {
        return new TradingModeView(item.mode().name().toLowerCase(Locale.ROOT), item.live() ? item.venue() : null,
                item.changedAt(), item.live() ? item.acknowledgedAt() : null);
    }
}
