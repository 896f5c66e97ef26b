package com.nija.shared.protections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the protections remember about a trader ({@code USER#id / PROTECTION_STATE}), written only by the engine, each
 * change conditional on {@code version} so two executors never lose one another's update or announce a trip twice.
 *
 * <ul>
 *   <li>{@code equityPeak}/{@code peakAt}: the highest equity seen at an entry decision (null: restart from the next);</li>
 *   <li>{@code drawdownLevel}: where equity stood against the thresholds at the last decision;</li>
 *   <li>{@code stopHits}: per symbol, the losing stop-loss exits still inside the guard's window, as
 *       {@code <epoch second>:<order id>} (the order id makes a re-applied fill count once);</li>
 *   <li>{@code cooldowns}: per symbol, the epoch second new entries resume;</li>
 *   <li>{@code profitTargetDay}: the UTC day the profit target was last reached (one trip a day);</li>
 *   <li>{@code trips}: the latest trips, newest first, as JSON ({@link ProtectionTrip}), at most {@value #KEPT_TRIPS}.</li>
 * </ul>
 */
public record ProtectionStateItem(String pk, String sk, BigDecimal equityPeak, Instant peakAt, DrawdownLevel drawdownLevel,
                                  Map<String, List<String>> stopHits, Map<String, Long> cooldowns,
                                  String profitTargetDay, List<String> trips, Long version) {
    public static final int KEPT_TRIPS = 20;

    public static ProtectionStateItem empty(String pk, String sk) {
        return new ProtectionStateItem(pk, sk, null, null, DrawdownLevel.NONE, Map.of(), Map.of(), null, List.of(), null);
    }

    public DrawdownLevel level() {
        return drawdownLevel == null ? DrawdownLevel.NONE : drawdownLevel;
    }

    public Map<String, List<String>> hits() {
        return stopHits == null ? Map.of() : stopHits;
    }

    public Map<String, Long> cooling() {
        return cooldowns == null ? Map.of() : cooldowns;
    }

    public List<String> tripLog() {
        return trips == null ? List.of() : trips;
    }
}
