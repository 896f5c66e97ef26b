package com.nija.shared.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes Cognito's token and revocation answers (status and body): each is tokens with a Bearer access token, a
 * refused sign-in or Cognito unavailable, never another exception, and no message repeats the body.
 */
class CognitoAnswersFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void answers(FuzzedDataProvider data) {
        int status = data.pickValue(new int[] {200, 400, 401, 403, 500, 503, data.consumeInt(100, 599)});
        String body = data.consumeRemainingAsString();
        try {
            SessionTokens tokens = CognitoAnswers.tokens(status, body);
            assertThat(tokens.accessToken()).isNotBlank();
            assertThat(tokens.expiresIn()).isPositive();
        } catch (SignInRefusedException | SignInUnavailableException refused) {
            if (body.length() > 40) assertThat(refused.getMessage()).doesNotContain(body);
        }
        try {
            CognitoAnswers.revoked(status, body);
            assertThat(status).isEqualTo(200);
        } catch (SignInRefusedException | SignInUnavailableException refused) {
            assertThat(status).isNotEqualTo(200);
        }
    }
}
