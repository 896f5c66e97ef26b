package com.nija.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.shared.signup.TermsConfig;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The local sign-up's refusals, which write nothing (no onboarding behind it here: a request that got that far
 * would fail the test); a created trader is covered by {@code SignUpIT} over the running platform.
 */
class LocalSignUpTest {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json", "Host", "127.0.0.1:3000");
    private final LocalSignUp site = new LocalSignUp(null, new TermsConfig(),
            (method, path, header, body) -> path.equals("/elsewhere") ? APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(299).build() : null);

    private APIGatewayV2HTTPResponse post(Map<String, String> headers, String body) {
        return site.serve("POST", LocalSignUp.PATH, headers::get, body, "127.0.0.1");
    }

    @Test
    @DisplayName("a bad trader id, a non-boolean acceptTerms, a form post, another site's page and a GET are refused")
    void refusals() {
        assertThat(post(JSON, "{\"traderId\":\"a b\"}").getStatusCode()).isEqualTo(422);
        APIGatewayV2HTTPResponse notBoolean = post(JSON, "{\"traderId\":\"ada\",\"acceptTerms\":\"yes\"}");
        assertThat(notBoolean.getStatusCode()).isEqualTo(422);
        assertThat(notBoolean.getBody()).contains("acceptTerms");
        assertThat(post(Map.of("Content-Type", "application/x-www-form-urlencoded"), "traderId=ada").getStatusCode())
                .isEqualTo(415);
        assertThat(post(Map.of("Content-Type", "application/json", "Host", "127.0.0.1:3000",
                "Origin", "https://evil.example"), "{\"traderId\":\"ada\"}").getStatusCode()).isEqualTo(403);
        assertThat(site.serve("GET", LocalSignUp.PATH, name -> null, "").getStatusCode()).isEqualTo(405);
    }

    @Test
    @DisplayName("other paths go to the site behind it (the dashboard), or to the gateway's 404 without one")
    void delegates() {
        assertThat(site.serve("GET", "/elsewhere", name -> null, "").getStatusCode()).isEqualTo(299);
        assertThat(site.serve("GET", "/nothing", name -> null, "")).isNull();
        assertThat(new LocalSignUp(null, new TermsConfig(), null).serve("GET", "/", name -> null, "")).isNull();
    }
}
