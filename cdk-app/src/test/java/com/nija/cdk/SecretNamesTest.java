package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.cdk.data.SecretNames;
import com.nija.cdk.functions.FunctionProfile.SecretKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Secrets: names Secrets Manager cannot mistake for an ARN suffix, found by name in every region")
class SecretNamesTest {
    static final Synth.Result prod = Synth.prod();
    static final Synth.Result dev = Synth.dev();

    @ParameterizedTest
    @ValueSource(strings = {"nija/prod-cursor", "nija/dev/cursor-secret", "nija/prod/x-abcdef", "a-123456"})
    @DisplayName("a name ending in a hyphen and six characters is refused at synth")
    void refusesSuffixLikeNames(String name) {
        assertThat(SecretNames.endsLikeRandomSuffix(name)).isTrue();
        assertThatThrownBy(() -> SecretNames.requireUnambiguous(name)).hasMessageContaining("hyphen and six");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nija/prod/cursor", "nija/prod/signal-sources", "nija/dev/stripe-webhook", "a-12345",
            "a-1234567"})
    @DisplayName("other names pass")
    void acceptsOtherNames(String name) {
        assertThat(SecretNames.requireUnambiguous(name)).isEqualTo(name);
    }

    @Test
    @DisplayName("no secret in any dev or prod template has a name ending in a hyphen and six characters")
    void templatesHaveNoSuffixLikeNames() {
        for (Synth.Result r : List.of(prod, dev)) {
            String stage = r == prod ? "prod" : "dev";
            for (RegionalStack s : r.stacks) {
                for (Map<String, Object> secret : r.properties(s, "AWS::SecretsManager::Secret")) {
                    String name = (String) secret.get("Name");
                    assertThat(name).startsWith("nija/" + stage + "/");
                    assertThat(name).as(name).doesNotMatch(".*-[^/]{6}");
                }
            }
            assertThat(r.properties(r.stack("us-east-1"), "AWS::SecretsManager::Secret"))
                    .hasSize(SecretKind.values().length);
        }
    }

    @Test
    @DisplayName("functions outside the primary get the secret's name, never a partial ARN; the primary's get the complete ARN")
    void functionsGetNamesOrCompleteArns() {
        for (Synth.Result r : List.of(prod, dev)) {
            String stage = r == prod ? "prod" : "dev";
            for (RegionalStack s : r.stacks) {
                boolean primary = s.regionSpec().region().equals("us-east-1");
                var secretIds = r.resources(s, "AWS::SecretsManager::Secret").keySet();
                int seen = 0;
                for (Map<String, Object> fn : FunctionsTest.javaFunctions(r, s).values()) {
                    Map<String, Object> env = FunctionsTest.env(fn);
                    for (SecretKind kind : SecretKind.values()) {
                        Object value = env.get(kind.envVar());
                        if (value == null) continue;
                        seen++;
                        if (primary) {
                            assertThat(secretIds).as(kind.envVar()).contains((String) at(value, "Ref"));
                        } else {
                            assertThat(value).as(s.getStackName() + " " + kind.envVar())
                                    .isEqualTo("nija/" + stage + "/" + kind.id());
                        }
                    }
                }
                assertThat(seen).as(s.getStackName()).isPositive();
            }
        }
    }
}
