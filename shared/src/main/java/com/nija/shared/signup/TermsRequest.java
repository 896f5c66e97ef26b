package com.nija.shared.signup;

/** {@code POST /api/v1/account/terms} {@code {"terms","riskDisclosure"}}: the versions the trader read and accepts. */
public record TermsRequest(String terms, String riskDisclosure) {}
