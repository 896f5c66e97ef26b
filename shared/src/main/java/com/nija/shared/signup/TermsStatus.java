package com.nija.shared.signup;

import java.time.Instant;

/**
 * Where a trader stands with the terms: the versions in force, the ones they accepted (null when none), and whether
 * they must accept again ({@code required}: the dashboard asks at sign-in; live trading is refused until then).
 */
public record TermsStatus(boolean required, String currentTerms, String currentRiskDisclosure, String acceptedTerms,
                          String acceptedRiskDisclosure, Instant acceptedAt) {}
