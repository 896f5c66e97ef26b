package com.nija.shared.brokers;

import com.nija.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * A switch to live trading the trader's state does not allow yet (409 {@code live-trading-refused}): {@code missing}
 * says, each in one sentence, everything that must change first (the plan, the connection, a passing key test).
 */
public class LiveTradingRefusedException extends ConflictException {
    private final List<String> missing;

    public LiveTradingRefusedException(String venue, List<String> missing) {
        super("live trading on " + venue + " needs: " + String.join("; ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }

    @Override
    public String problemType() {
        return "live-trading-refused";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("missing", missing);
    }
}
