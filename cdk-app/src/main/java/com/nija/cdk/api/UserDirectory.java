package com.nija.cdk.api;

import com.nija.cdk.Nag;
import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.Names;
import com.nija.cdk.config.SignIn;
import com.nija.cdk.config.Stage;
import com.nija.functions.routes.Access;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserVerificationConfig;
import software.amazon.awscdk.services.cognito.VerificationEmailStyle;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.CfnUserPoolClient;
import software.amazon.awscdk.services.cognito.CfnUserPool;
import software.amazon.awscdk.services.lambda.CfnPermission;
import com.nija.cdk.functions.NijaFunction;
import software.constructs.Construct;

/**
 * The Cognito user pool that issues traders' and staff's tokens. It lives in the primary region only: every region's
 * JWT authorizer trusts the same issuer, so a trader signs up once and is known everywhere. The groups come from the
 * route table's {@link Access} rules ({@code finance}, {@code admin}).
 */
public final class UserDirectory extends Construct {
    private final UserPool pool;
    private final UserPoolClient dashboardClient;
    private final SignIn signIn;
    private final Optional<UserPoolDomain> domain;

    public UserDirectory(Construct scope, String id, AppConfig config, Names names) {
        super(scope, id);
        Stage stage = config.stage();
        signIn = config.signIn();
        boolean prod = stage.isProd();
        UserPool.Builder b = UserPool.Builder.create(this, "Pool")
                .userPoolName(names.of("users"))
                // Self sign-up is a context choice; a self-made account signs in only after its email is verified.
                .selfSignUpEnabled(signIn.selfSignUp())
                .userVerification(UserVerificationConfig.builder().emailStyle(VerificationEmailStyle.CODE).build())
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .passwordPolicy(PasswordPolicy.builder().minLength(12).requireDigits(true).requireLowercase(true)
                        .requireUppercase(true).requireSymbols(true).tempPasswordValidity(Duration.days(3)).build())
                // TOTP is every trader's choice; Cognito cannot require it per group, so the API requires it of staff
                // (admin, finance) on their routes: the token's amr claim must say a second factor was used.
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .deletionProtection(prod)
                .removalPolicy(stage.removalPolicy());
        if (prod) {
            // Threat protection (compromised credentials, risky sign-ins) needs the Plus feature plan.
            b.featurePlan(FeaturePlan.PLUS).standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION);
        }
        pool = b.build();
        Nag.suppress(pool, "AwsSolutions-COG2", "TOTP is optional for traders (the product's choice); staff routes "
                + "refuse tokens without a second factor (amr holds mfa), which Cognito cannot enforce per group.");
        if (!prod) {
            Nag.suppress(pool, "AwsSolutions-COG3", "Threat protection needs the paid Plus plan; prod enables it, "
                    + "dev pools hold only test users.");
        }
        dashboardClient = UserPoolClient.Builder.create(this, "DashboardClient")
                .userPool(pool)
                .userPoolClientName(names.of("dashboard"))
                // A browser app cannot keep a client secret.
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                // Authorization code only (the dashboard adds PKCE: a public client has no secret to prove itself);
                // no implicit flow, which puts tokens in the URL. Redirects only to the dashboard's origins.
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).implicitCodeGrant(false).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                        .callbackUrls(signIn.callbackUrls(config.dashboardOrigins()))
                        .logoutUrls(signIn.signOutUrls(config.dashboardOrigins()))
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .accessTokenValidity(Duration.hours(1))
                .idTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.days(30))
                .build();
        domain = signIn.domainPrefix().map(prefix -> pool.addDomain("SignInDomain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix(prefix).build()).build()));
        for (String group : staffGroups()) {
            CfnUserPoolGroup.Builder.create(this, "Group-" + group)
                    .userPoolId(pool.getUserPoolId())
                    .groupName(group)
                    .description("NIJA " + group + " staff (route table access rule)")
                    .build();
        }
    }

    /**
     * Runs {@code trigger} when a sign-up is confirmed (Cognito's post-confirmation trigger, on its published alias).
     * The function lives in a nested stack: the permission is made there with the pool named by pattern, so the pool
     * refers to the function and never the other way round (a reference both ways is a circular dependency).
     */
    public void onConfirmedSignUp(NijaFunction trigger) {
        CfnUserPool cfn = (CfnUserPool) pool.getNode().getDefaultChild();
        cfn.setLambdaConfig(CfnUserPool.LambdaConfigProperty.builder()
                .postConfirmation(trigger.alias().getFunctionArn()).build());
        Stack home = Stack.of(trigger.function());
        CfnPermission.Builder.create(trigger.function(), "InvokedByCognito")
                .action("lambda:InvokeFunction")
                .functionName(trigger.alias().getFunctionArn())
                .principal("cognito-idp.amazonaws.com")
                .sourceAccount(home.getAccount())
                .sourceArn("arn:" + home.getPartition() + ":cognito-idp:" + home.getRegion() + ":" + home.getAccount()
                        + ":userpool/*")
                .build();
    }

    /** Every group an {@link Access} rule of the route table can ask for. */
    public static Set<String> staffGroups() {
        Set<String> groups = new TreeSet<>();
        for (Access a : Access.values()) groups.addAll(a.anyOfGroups());
        return groups;
    }

    /**
     * Lets the hosted sign-in redirect back to {@code origin} too (the dashboard's CloudFront domain, known only
     * once the distribution exists).
     */
    public void allowOrigin(String origin) {
        CfnUserPoolClient client = (CfnUserPoolClient) dashboardClient.getNode().getDefaultChild();
        client.setCallbackUrLs(plus(client.getCallbackUrLs(), signIn.callbackUrls(List.of(origin))));
        client.setLogoutUrLs(plus(client.getLogoutUrLs(), signIn.signOutUrls(List.of(origin))));
    }

    private static List<String> plus(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a == null ? List.of() : a);
        all.addAll(b);
        return all;
    }

    /** The hosted sign-in's base URL ({@code https://<prefix>.auth.<region>.amazoncognito.com}), when configured. */
    public Optional<String> signInUrl() {
        return domain.map(UserPoolDomain::baseUrl);
    }

    public SignIn signIn() {
        return signIn;
    }

    /** What a JWT authorizer in any region needs: the issuer and the audience (client id). */
    public Issuer issuer() {
        String region = Stack.of(this).getRegion();
        return new Issuer("https://cognito-idp." + region + ".amazonaws.com/" + pool.getUserPoolId(),
                List.of(dashboardClient.getUserPoolClientId()), pool.getUserPoolId(),
                dashboardClient.getUserPoolClientId(), domain.map(UserPoolDomain::baseUrl));
    }

    /**
     * A token issuer as the authorizers see it, and where the dashboard's sign-in routes redeem codes: the hosted
     * sign-in domain's base URL (absent without a domain prefix).
     */
    public record Issuer(String url, List<String> audience, String userPoolId, String clientId,
                         Optional<String> signInUrl) {}
}
