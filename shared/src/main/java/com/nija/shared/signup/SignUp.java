package com.nija.shared.signup;

/**
 * A confirmed sign-up: the trader's id (Cognito's {@code sub}), and the terms they accepted on the sign-up form when
 * the form said which (null when it did not: they are asked at their first sign-in instead).
 *
 * @param via where the sign-up came from: {@code sign-up} (Cognito), {@code local} (the local platform)
 */
public record SignUp(String userId, String displayName, Acceptance acceptance, String via) {
    /** The versions the sign-up form showed and the address it was sent from (null when unknown). */
    public record Acceptance(String termsVersion, String riskDisclosureVersion, String sourceIp) {}
}
