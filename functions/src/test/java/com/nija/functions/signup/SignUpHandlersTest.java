package com.nija.functions.signup;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.account.AcceptTermsHandler;
import com.nija.functions.billing.GetAccountHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.ProfileRepository;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.settings.SettingsRepository;
import com.nija.shared.signup.TermsAcceptanceItem;
import com.nija.shared.signup.TermsRepository;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A confirmed Cognito sign-up, as the trader then sees it: a trader with a $10,000 paper account on a 14-day Pro
 * trial, default settings, the terms they accepted on the sign-up page; a new terms version asks again; the trial
 * ends on the clock. Every run of the trigger after the first changes nothing, also when runs overlap.
 */
class SignUpHandlersTest {
    private static final MutableClock CLOCK = new MutableClock(PlatformClock.system().instant());
    private static final ApplicationContext CONTEXT = LocalBackends.get().newContext(Map.of(), CLOCK);
    private final PostConfirmationHandler trigger = new PostConfirmationHandler(CONTEXT);
    private final GetAccountHandler account = new GetAccountHandler(CONTEXT);
    private final AcceptTermsHandler acceptTerms = new AcceptTermsHandler(CONTEXT);
    private final ProfileRepository profiles = CONTEXT.getBean(ProfileRepository.class);

    @AfterAll
    static void close() {
        CONTEXT.close();
    }

    /** The fixture's sign-up for a user of its own, with the sign-up page's metadata or none. */
    private static CognitoUserPoolPostConfirmationEvent signUp(String sub, boolean withMetadata) {
        CognitoUserPoolPostConfirmationEvent event = Events.postConfirmation("cognito/post-confirmation.json");
        Map<String, String> attributes = new HashMap<>(event.getRequest().getUserAttributes());
        attributes.put("sub", sub);
        event.getRequest().setUserAttributes(attributes);
        event.setUserName(sub);
        if (!withMetadata) event.getRequest().setClientMetadata(null);
        return event;
    }

    private static String newSub() {
        return UUID.randomUUID().toString();
    }

    private JsonNode accountOf(String user) {
        return ok(account.handleRequest(Events.http("api/get-account.json", user), null));
    }

    private static APIGatewayV2HTTPEvent terms(String user, String body) {
        APIGatewayV2HTTPEvent event = Events.withBody(Events.http("api/accept-terms.json", user), body);
        event.getRequestContext().setRequestId(UUID.randomUUID().toString());
        return event;
    }

    @Test
    @DisplayName("a confirmed sign-up makes a trader: $10,000 on paper, Pro until 14 days from now, trading off, terms accepted from the page's address")
    void signUpCreatesTrader() {
        String user = newSub();
        Instant now = CLOCK.instant();

        CognitoUserPoolPostConfirmationEvent answer = trigger.handleRequest(signUp(user, true), null);

        assertThat(answer.getRequest().getUserAttributes()).containsEntry("sub", user);
        JsonNode view = accountOf(user);
        assertThat(view.path("tier").asText()).isEqualTo("pro");
        assertThat(view.path("trialEndsAt").asText()).isEqualTo(now.plus(Duration.ofDays(14)).toString());
        assertThat(view.path("entitlements").path("maxOpenPositions").asInt()).isEqualTo(10);
        assertThat(view.path("atPeriodEnd").path("action").asText()).isEqualTo("trial-ends");
        assertThat(view.path("atPeriodEnd").path("tier").asText()).isEqualTo("free");
        assertThat(view.path("tradingMode").path("mode").asText()).isEqualTo("paper");
        assertThat(view.path("termsRequired").asBoolean()).isFalse();
        assertThat(view.path("terms").path("acceptedTerms").asText()).isEqualTo("2026-12-01");
        JsonNode graduation = view.path("graduation");
        assertThat(graduation.path("graduated").asBoolean()).isFalse();
        assertThat(graduation.path("paperSince").asText()).isEqualTo(now.toString());
        assertThat(graduation.path("criteria").get(0).path("required").asInt()).isEqualTo(50);
        ProfileItem profile = profiles.find(user).orElseThrow();
        assertThat(profile.startingBalance()).isEqualByComparingTo("10000");
        assertThat(profile.displayName()).isEqualTo("Ada Trader");
        var settings = CONTEXT.getBean(SettingsRepository.class).find(user).orElseThrow();
        assertThat(settings.tradingEnabled()).isFalse();
        assertThat(settings.maxOpenPositions()).isEqualTo(3);
        TermsAcceptanceItem accepted = CONTEXT.getBean(TermsRepository.class).find(user).orElseThrow();
        assertThat(accepted.sourceIp()).isEqualTo("203.0.113.24");
        assertThat(accepted.acceptedAt()).isEqualTo(now);
        assertThat(accepted.via()).isEqualTo("sign-up");
    }

    @Test
    @DisplayName("the trigger run again, and eight times at once, changes nothing the first run wrote")
    void idempotent() throws Exception {
        String user = newSub();
        trigger.handleRequest(signUp(user, true), null);
        ProfileItem first = profiles.find(user).orElseThrow();
        int items = TraderFixture.storedItemCount(user);
        CLOCK.advance(Duration.ofMinutes(3));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> runs = IntStream.range(0, 8).<Callable<Object>>mapToObj(i -> () ->
                    trigger.handleRequest(signUp(user, true), null)).toList();
            for (var f : pool.invokeAll(runs)) f.get();
        } finally {
            pool.shutdown();
        }

        assertThat(profiles.find(user).orElseThrow()).isEqualTo(first);
        assertThat(TraderFixture.storedItemCount(user)).isEqualTo(items);
    }

    @Test
    @DisplayName("overlapping first runs create the trader exactly once")
    void concurrentFirstRuns() throws Exception {
        String user = newSub();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Object>> runs = IntStream.range(0, 6).<Callable<Object>>mapToObj(i -> () ->
                    trigger.handleRequest(signUp(user, true), null)).toList();
            for (var f : pool.invokeAll(runs)) f.get();
        } finally {
            pool.shutdown();
        }

        // profile, settings, terms: one each
        assertThat(TraderFixture.storedItemCount(user)).isEqualTo(3);
        assertThat(accountOf(user).path("tier").asText()).isEqualTo("pro");
    }

    @Test
    @DisplayName("a confirmed password reset creates no one")
    void passwordResetCreatesNothing() {
        String user = newSub();
        CognitoUserPoolPostConfirmationEvent event = signUp(user, true);
        event.setTriggerSource("PostConfirmation_ConfirmForgotPassword");

        trigger.handleRequest(event, null);

        assertThat(TraderFixture.storedItemCount(user)).isZero();
    }

    @Test
    @DisplayName("a sign-up that names no terms asks at sign-in; a stale version is 422 and records nothing; the one in force is recorded with API Gateway's address")
    void termsAskedAtSignIn() {
        String user = newSub();
        trigger.handleRequest(signUp(user, false), null);
        assertThat(accountOf(user).path("termsRequired").asBoolean()).isTrue();

        JsonNode stale = problem(acceptTerms.handleRequest(terms(user,
                "{\"terms\":\"2025-01-01\",\"riskDisclosure\":\"2026-12-01\"}"), null), 422, "rule-violation");
        assertThat(stale.path("errors").get(0).path("field").asText()).isEqualTo("terms");
        assertThat(CONTEXT.getBean(TermsRepository.class).find(user)).isEmpty();

        JsonNode accepted = ok(acceptTerms.handleRequest(terms(user,
                "{\"terms\":\"2026-12-01\",\"riskDisclosure\":\"2026-12-01\"}"), null));

        assertThat(accepted.path("required").asBoolean()).isFalse();
        assertThat(accountOf(user).path("termsRequired").asBoolean()).isFalse();
        assertThat(CONTEXT.getBean(TermsRepository.class).find(user).orElseThrow().sourceIp())
                .isEqualTo("203.0.113.10");
    }

    @Test
    @DisplayName("a new terms version asks every trader again, though they accepted the last one")
    void newVersionAsksAgain() {
        String user = newSub();
        trigger.handleRequest(signUp(user, true), null);
        try (ApplicationContext newTerms = LocalBackends.get().newContext(Map.of("nija.terms.version", "2027-03-01"),
                CLOCK)) {
            JsonNode view = ok(new GetAccountHandler(newTerms).handleRequest(
                    Events.http("api/get-account.json", user), null));

            assertThat(view.path("termsRequired").asBoolean()).isTrue();
            assertThat(view.path("terms").path("currentTerms").asText()).isEqualTo("2027-03-01");
            assertThat(view.path("terms").path("acceptedTerms").asText()).isEqualTo("2026-12-01");
        }
    }

    @Test
    @DisplayName("the trial ends on the clock: Pro the day before, free from its end on, without any write")
    void trialEnds() {
        String user = newSub();
        trigger.handleRequest(signUp(user, true), null);
        Instant signedUp = CLOCK.instant();
        try {
            CLOCK.set(signedUp.plus(Duration.ofDays(13)));
            assertThat(accountOf(user).path("tier").asText()).isEqualTo("pro");

            CLOCK.set(signedUp.plus(Duration.ofDays(14)));
            JsonNode after = accountOf(user);

            assertThat(after.path("tier").asText()).isEqualTo("free");
            assertThat(after.path("trialEndsAt").isNull() || after.path("trialEndsAt").isMissingNode()).isTrue();
            assertThat(after.path("entitlements").path("liveTrading").asBoolean()).isFalse();
        } finally {
            CLOCK.set(signedUp);
        }
    }
}
