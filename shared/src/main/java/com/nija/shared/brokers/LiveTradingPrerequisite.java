package com.nija.shared.brokers;

import java.util.Optional;

/**
 * One more thing live trading needs beyond a plan, a connection and a passing key test, owned by another feature
 * (the current terms accepted, graduation from paper). The consent asks every one and lists what is still missing,
 * so a refusal names everything at once.
 */
public interface LiveTradingPrerequisite {
    /** What the trader must still do, in one sentence; empty when this prerequisite is met. */
    Optional<String> missing(String userId);
}
