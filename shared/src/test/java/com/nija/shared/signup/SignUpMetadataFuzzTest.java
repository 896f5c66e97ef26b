package com.nija.shared.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashMap;
import java.util.Map;

/**
 * Fuzzes what Cognito hands the post-confirmation trigger (user attributes and the sign-up page's client metadata,
 * both from outside): it is read into a sign-up without failing, a source address is either an address or nothing,
 * and no value longer than a version or a name is ever carried into what gets stored.
 */
class SignUpMetadataFuzzTest {

    @FuzzTest
    void metadata(FuzzedDataProvider data) {
        Map<String, String> attributes = new HashMap<>();
        Map<String, String> metadata = new HashMap<>();
        if (data.consumeBoolean()) attributes.put("sub", data.consumeString(200));
        if (data.consumeBoolean()) attributes.put("name", data.consumeString(300));
        if (data.consumeBoolean()) metadata.put("termsVersion", data.consumeString(300));
        if (data.consumeBoolean()) metadata.put("riskDisclosureVersion", data.consumeString(300));
        if (data.consumeBoolean()) metadata.put("sourceIp", data.consumeRemainingAsString());

        boolean none = attributes.isEmpty() && data.consumeBoolean();

        SignUp signUp = SignUpMetadata.read(none ? null : attributes, metadata);

        assertThat(signUp.via()).isEqualTo("sign-up");
        assertThat(signUp.userId()).isEqualTo(attributes.get("sub"));
        if (signUp.displayName() != null) assertThat(signUp.displayName()).hasSizeLessThanOrEqualTo(128);
        if (signUp.acceptance() != null) {
            assertThat(signUp.acceptance().termsVersion()).hasSizeLessThanOrEqualTo(128).isNotBlank();
            assertThat(signUp.acceptance().riskDisclosureVersion()).hasSizeLessThanOrEqualTo(128).isNotBlank();
            String ip = signUp.acceptance().sourceIp();
            if (ip != null) assertThat(ip).matches("[0-9A-Fa-f.:]{2,45}").containsAnyOf(".", ":");
        }
    }
}
