package com.nija.shared.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nija.shared.problem.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeExchangeTest {
    private static final String VERIFIER = CognitoOAuthClientContractTest.VERIFIER;
    private static final String REDIRECT = CognitoOAuthClientContractTest.REDIRECT;

    @Test
    @DisplayName("a Cognito code, an RFC 7636 verifier and the dashboard's https callback pass")
    void valid() {
        assertThatCode(() -> new CodeExchange("2d1f0c3e-5b8a-4c7e-9f1a-0b2c3d4e5f60", VERIFIER, REDIRECT).check())
                .doesNotThrowAnyException();
        assertThatCode(() -> new CodeExchange("abc", VERIFIER, "http://localhost:3000/auth/callback").check())
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("every missing field is named at once")
    void missing() {
        InvalidInputException e = catchThrowableOfType(() -> new CodeExchange(null, "", null).check(),
                InvalidInputException.class);

        assertThat(e.wellFormed()).isFalse();
        assertThat(e.violations()).extracting(InvalidInputException.Violation::field)
                .containsExactly("code", "codeVerifier", "redirectUri");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "codeVerifier, dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX",
            "codeVerifier, dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX+",
            "code, 'abc def'",
            "redirectUri, http://dash.example.com/auth/callback",
            "redirectUri, https://dash.example.com/other",
            "redirectUri, https://dash.example.com/auth/callback?x=1",
            "redirectUri, https://user@dash.example.com/auth/callback",
            "redirectUri, javascript:alert(1)",
    })
    @DisplayName("a verifier outside RFC 7636, a code with spaces or a redirect that is not the callback is refused")
    void malformed(String field, String value) {
        String code = field.equals("code") ? value : "abc";
        String verifier = field.equals("codeVerifier") ? value : VERIFIER;
        String redirect = field.equals("redirectUri") ? value : REDIRECT;

        InvalidInputException e = catchThrowableOfType(() -> new CodeExchange(code, verifier, redirect).check(),
                InvalidInputException.class);

        assertThat(e.violations()).extracting(InvalidInputException.Violation::field).containsExactly(field);
    }
}
