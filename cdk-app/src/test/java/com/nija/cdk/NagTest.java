package com.nija.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

@DisplayName("cdk-nag AwsSolutionsChecks: no unexplained finding on any stack")
class NagTest {

    static List<String> findings(Synth.Result r) {
        List<String> out = new ArrayList<>();
        for (RegionalStack s : r.stacks) {
            for (SynthesisMessage m : r.artifact(s).getMessages()) {
                String text = String.valueOf(m.getEntry().getData());
                boolean nag = text.startsWith("AwsSolutions-");
                if (nag && (m.getLevel() == SynthesisMessageLevel.ERROR || m.getLevel() == SynthesisMessageLevel.WARNING)) {
                    out.add(s.getStackName() + " " + m.getId() + ": " + text.lines().findFirst().orElse(""));
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("prod: every error and warning is fixed or suppressed with its reason")
    void prod() {
        assertThat(findings(Synth.prod())).isEmpty();
    }

    @Test
    @DisplayName("dev: every error and warning is fixed or suppressed with its reason")
    void dev() {
        assertThat(findings(Synth.dev())).isEmpty();
    }

    @Test
    @DisplayName("each suppression names an AwsSolutions rule and gives a reason")
    @SuppressWarnings("unchecked")
    void suppressionsAreExplained() {
        Synth.Result r = Synth.prod();
        int count = 0;
        for (RegionalStack s : r.stacks) {
            Map<String, Object> resources = (Map<String, Object>) r.json(s).get("Resources");
            for (Object res : resources.values()) {
                Object rules = Synth.at(res, "Metadata", "cdk_nag", "rules_to_suppress");
                for (Object rule : Synth.list(rules)) {
                    assertThat((String) Synth.at(rule, "id")).startsWith("AwsSolutions-");
                    assertThat((String) Synth.at(rule, "reason")).hasSizeGreaterThan(30);
                    count++;
                }
            }
        }
        assertThat(count).isPositive();
    }
}
