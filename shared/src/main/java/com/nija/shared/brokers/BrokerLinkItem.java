package com.nija.shared.brokers;

import java.time.Instant;
import java.util.List;

/**
 * A trader's connection to one venue ({@code sk = BROKER#<venue>}): the credentials sealed with the envelope bound
 * to the trader and venue, a hint of the key's id (never a secret), the sandbox flag, and the outcome of the last
 * key test ({@code lastTestOk} null until tested). Written again (new seal, test reset) on every connect.
 *
 * <p>{@code liveSince} is set while the trader's live trading uses this key: a delete or a reconnect is conditional on
 * its absence, and setting it is conditional on {@code version} (the key that passed its test), so no race between a
 * delete, a reconnect and a switch to live can leave a trader live on a key that is gone or untested.
 */
public record BrokerLinkItem(String pk, String sk, String userId, String venue, String sealedCredentials,
                             String keyHint, Boolean sandbox, Instant connectedAt, Instant lastTestAt,
                             Boolean lastTestOk, List<String> lastTestPermissions, List<String> lastTestProblems,
                             Instant liveSince, Long version) {

    /** This connection with a key test's outcome. */
    public BrokerLinkItem withTest(Instant at, boolean ok, List<String> permissions, List<String> problems) {
        return new BrokerLinkItem(pk, sk, userId, venue, sealedCredentials, keyHint, sandbox, connectedAt, at, ok,
                List.copyOf(permissions), List.copyOf(problems), liveSince, version);
    }

    /** This connection marked as used by live trading since {@code at} (null: no longer). */
    public BrokerLinkItem withLiveSince(Instant at) {
        return new BrokerLinkItem(pk, sk, userId, venue, sealedCredentials, keyHint, sandbox, connectedAt, lastTestAt,
                lastTestOk, lastTestPermissions, lastTestProblems, at, version);
    }

    /** True when the key's last test passed. */
    public boolean verified() {
        return Boolean.TRUE.equals(lastTestOk);
    }
}
