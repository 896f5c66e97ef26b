package com.nija.shared.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What APEX concluded on the newest closed candle of one market, with its explanation: which filter or conditions
 * held and the indicator values they were judged on. An entry carries its stop, take-profit ladder and size.
 *
 * @param candleClose close time of the candle the decision was made on (part of the signal id)
 * @param conditions  the five entry conditions on the trend's side, in order, true where they held
 * @param sizePercent percent of equity for an entry (inside the trader's own limits, which the engine applies)
 */
public record ApexDecision(String symbol, Instant candleClose, Action action, Reason reason, String side,
                           Map<String, Boolean> conditions, Map<String, BigDecimal> indicators, BigDecimal entry,
                           BigDecimal stop, List<BigDecimal> targets, BigDecimal sizePercent, String version) {

    public enum Action { BUY, SELL, EXIT, NONE }

    public enum Reason {
        WARMING_UP, ADX_BELOW_FLOOR, VOLUME_BELOW_AVERAGE, TOO_FEW_CONDITIONS, ENTRY, EMA_CROSS
    }

    public ApexDecision {
        conditions = conditions == null ? Map.of() : Map.copyOf(conditions);
        indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public long conditionsHeld() {
        return conditions.values().stream().filter(Boolean::booleanValue).count();
    }
}
