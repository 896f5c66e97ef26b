package com.nija.cdk;

import static com.nija.cdk.Synth.at;
import static com.nija.cdk.Synth.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.cdk.config.AppConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sign-in: the dashboard client uses the authorization code flow only, back to the dashboard's origins")
class SignInTest {
    static Map<String, Object> client(Synth.Result r) {
        var clients = r.properties(r.stack("us-east-1"), "AWS::Cognito::UserPoolClient");
        assertThat(clients).hasSize(1);
        return clients.get(0);
    }

    static Map<String, Object> pool(Synth.Result r) {
        return r.properties(r.stack("us-east-1"), "AWS::Cognito::UserPool").get(0);
    }

    @Test
    @DisplayName("code flow only (no implicit), no client secret, callback and sign-out URLs on the dashboard's origins "
            + "(the configured ones and the hosting distribution's)")
    void codeFlowOnly() {
        Map<String, Object> prod = client(Synth.prod());
        assertThat(prod).containsEntry("AllowedOAuthFlows", List.of("code"))
                .containsEntry("AllowedOAuthFlowsUserPoolClient", true)
                .containsEntry("SupportedIdentityProviders", List.of("COGNITO"));
        assertThat(list(prod.get("CallbackURLs")).stream().map(DashboardSiteTest::text)).containsExactly(
                Synth.ORIGIN + "/auth/callback", "https://{GetAtt:[SiteCdnD3C78BF8, DomainName]}/auth/callback");
        assertThat(list(prod.get("LogoutURLs")).stream().map(DashboardSiteTest::text)).containsExactly(
                Synth.ORIGIN + "/", "https://{GetAtt:[SiteCdnD3C78BF8, DomainName]}/");
        assertThat(prod.get("GenerateSecret")).isIn(null, false);
        // Exactly the scopes the dashboard asks for (dashboard/src/hosted.js); a scope it asks for beyond these
        // would fail every sign-in with invalid_scope.
        assertThat(list(prod.get("AllowedOAuthScopes"))).containsExactlyInAnyOrder("openid", "email", "profile");
        // The sign-in routes refresh through /oauth2/token and revoke the refresh token on sign-out; no password
        // ever reaches the client directly.
        assertThat(list(prod.get("ExplicitAuthFlows"))).contains("ALLOW_REFRESH_TOKEN_AUTH")
                .doesNotContain("ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH");
        assertThat(prod).containsEntry("EnableTokenRevocation", true);
        Map<String, Object> dev = client(Synth.dev());
        assertThat(dev).containsEntry("AllowedOAuthFlows", List.of("code"))
                .satisfies(c -> assertThat(list(c.get("CallbackURLs")).stream().map(DashboardSiteTest::text))
                        .startsWith("http://localhost:5173/auth/callback").hasSize(2));
    }

    @Test
    @DisplayName("self sign-up by default, with the email verified by a code; the context can leave it to admins")
    void selfSignUpIsAContextChoice() {
        Map<String, Object> pool = pool(Synth.prod());
        assertThat((Object) at(pool, "AdminCreateUserConfig", "AllowAdminCreateUserOnly")).isEqualTo(false);
        assertThat(list(pool.get("AutoVerifiedAttributes"))).containsExactly("email");
        assertThat((Object) at(pool, "VerificationMessageTemplate", "DefaultEmailOption")).isEqualTo("CONFIRM_WITH_CODE");

        Synth.Result closed = Synth.with(Map.of("regions", "us-east-1:primary", "selfSignUp", "false"));
        assertThat((Object) at(pool(closed), "AdminCreateUserConfig", "AllowAdminCreateUserOnly")).isEqualTo(true);
        assertThat(list(pool(closed).get("AutoVerifiedAttributes"))).containsExactly("email");
    }

    @Test
    @DisplayName("the hosted sign-in domain is named from the stage and account, or from authDomainPrefix")
    void signInDomain() {
        var domains = Synth.prod().properties(Synth.prod().stack("us-east-1"), "AWS::Cognito::UserPoolDomain");
        assertThat(domains).hasSize(1);
        assertThat(domains.get(0)).containsEntry("Domain", "nija-prod-" + Synth.ACCOUNT);
        assertThat(AppConfig.from(Map.<String, Object>of("authDomainPrefix", "trade-nija")::get).signIn().domainPrefix())
                .contains("trade-nija");
        assertThatThrownBy(() -> AppConfig.from(Map.<String, Object>of("authDomainPrefix", "my-aws-login")::get))
                .hasMessageContaining("authDomainPrefix");
        assertThatThrownBy(() -> AppConfig.from(Map.<String, Object>of("selfSignUp", "maybe")::get))
                .hasMessageContaining("selfSignUp");
    }

    @Test
    @DisplayName("the sign-in functions get the dashboard client id and the hosted domain, and no table or secret")
    void signInFunctionsKnowTheClient() {
        for (String function : List.of("sign-in-token", "sign-in-refresh", "sign-out")) {
            Map<String, Object> env = FunctionsTest.env(FunctionsTest.fn(Synth.prod(), "us-east-1", function));
            assertThat(env).containsKeys("NIJA_SIGN_IN_CLIENT_ID", "NIJA_SIGN_IN_DOMAIN");
            // The same client and hosted domain as the dashboard's config.json: the code the browser got from
            // that domain for that client is redeemed there by this function.
            assertThat(DashboardSiteTest.text(env.get("NIJA_SIGN_IN_CLIENT_ID"))).as(function)
                    .contains("UsersDashboardClient");
            assertThat(DashboardSiteTest.text(env.get("NIJA_SIGN_IN_DOMAIN"))).as(function)
                    .matches("https://.*UsersPoolSignInDomain.*\\.auth\\.us-east-1\\.amazoncognito\\.com");
            assertThat(env.keySet()).noneMatch(k -> k.endsWith("_TABLE") || k.endsWith("_SECRET_ARN"));
        }
    }
}
