package com.nija.shared.brokers;

import com.nija.shared.problem.ConflictException;
import java.util.Map;

/**
 * The trader trades live on this venue, so its key can be neither removed nor replaced (409 {@code broker-in-use}):
 * live orders and their exits would be left without a key. Switching to paper first frees it.
 */
public class BrokerInUseException extends ConflictException {
    private final String venue;

    public BrokerInUseException(String venue, String action) {
        super("you trade live on " + venue + ": switch to paper first (PUT /api/v1/trading/mode {\"mode\":\"paper\"}), "
                + "then " + action + " the key");
        this.venue = venue;
    }

    @Override
    public String problemType() {
        return "broker-in-use";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("venue", venue);
    }
}
