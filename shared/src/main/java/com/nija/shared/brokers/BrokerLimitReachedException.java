package com.nija.shared.brokers;

import com.nija.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/** The trader's plan connects no more venues (409 {@code broker-limit}, with the limit and the venues connected). */
public class BrokerLimitReachedException extends ConflictException {
    private final int limit;
    private final List<String> connected;

    public BrokerLimitReachedException(String tier, int limit, List<String> connected) {
        super("your " + tier + " plan connects at most " + limit + (limit == 1 ? " broker" : " brokers") + " ("
                + String.join(", ", connected) + " connected): remove one (DELETE /api/v1/brokers/{venue}) or "
                + "upgrade your plan");
        this.limit = limit;
        this.connected = List.copyOf(connected);
    }

    @Override
    public String problemType() {
        return "broker-limit";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("limit", limit, "connected", connected);
    }
}
