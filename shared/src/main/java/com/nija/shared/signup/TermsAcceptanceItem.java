package com.nija.shared.signup;

import java.time.Instant;

/**
 * The terms and risk-disclosure versions a trader last accepted, when, from which address and through which door
 * ({@code via}: sign-up, api, local). One item per trader ({@code sk = TERMS}); each acceptance through the API is
 * also in the audit trail, which keeps the history.
 */
public record TermsAcceptanceItem(String pk, String sk, String userId, String termsVersion,
                                  String riskDisclosureVersion, Instant acceptedAt, String sourceIp, String via) {
    public static final String SK = "TERMS";
}
