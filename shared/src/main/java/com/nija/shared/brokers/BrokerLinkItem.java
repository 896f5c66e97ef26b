package com.nija.shared.brokers;

import java.time.Instant;

/**
 * A trader's connection to one venue ({@code sk = BROKER#<venue>}): the credentials sealed with the envelope bound
 * to the trader and venue, a hint of the key's id (never a secret), the sandbox flag, and the outcome of the last
 * key test ({@code lastTestOk} null until tested). Written again (new seal, test reset) on every connect.
 */
public record BrokerLinkItem(String pk, String sk, String userId, String venue, String sealedCredentials,
                             String keyHint, Boolean sandbox, Instant connectedAt, Instant lastTestAt,
                             Boolean lastTestOk, String lastTestProblems, Long version) {}
