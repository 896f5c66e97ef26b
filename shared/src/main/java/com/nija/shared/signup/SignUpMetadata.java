package com.nija.shared.signup;

import java.util.Map;

/**
 * Reads a confirmed Cognito sign-up into a {@link SignUp}. The trader is the user's {@code sub} (the id every token
 * names); the display name is the {@code name} attribute when set. The accepted terms come from the
 * {@code clientMetadata} our own sign-up page passes with {@code ConfirmSignUp} ({@code termsVersion},
 * {@code riskDisclosureVersion}, {@code sourceIp}): Cognito forwards it to the post-confirmation trigger as given and
 * adds no client address of its own, so it is what the page saw; a sign-up without it (the hosted UI sends none) records
 * no acceptance and the trader is asked at first sign-in, where the API records the address API Gateway saw.
 */
public final class SignUpMetadata {
    /** Cognito's trigger source for a confirmed sign-up (the other is a confirmed password reset). */
    public static final String CONFIRM_SIGN_UP = "PostConfirmation_ConfirmSignUp";
    private static final int MAX_VALUE_CHARS = 128;

    private SignUpMetadata() {}

    public static SignUp read(Map<String, String> userAttributes, Map<String, String> clientMetadata) {
        Map<String, String> attributes = userAttributes == null ? Map.of() : userAttributes;
        Map<String, String> metadata = clientMetadata == null ? Map.of() : clientMetadata;
        String terms = bounded(metadata.get("termsVersion"));
        String risk = bounded(metadata.get("riskDisclosureVersion"));
        SignUp.Acceptance acceptance = terms == null || risk == null ? null
                : new SignUp.Acceptance(terms, risk, SourceAddress.orNull(metadata.get("sourceIp")));
        return new SignUp(attributes.get("sub"), bounded(attributes.get("name")), acceptance, "sign-up");
    }

    /** A value short enough to compare and store; anything longer is no version and no name of ours. */
    private static String bounded(String value) {
        return value == null || value.isBlank() || value.length() > MAX_VALUE_CHARS ? null : value.strip();
    }
}
