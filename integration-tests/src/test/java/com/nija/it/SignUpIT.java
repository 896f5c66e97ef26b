package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import com.nija.local.auth.TokenCommand;
import com.nija.shared.config.PlatformClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A trader's first steps on the running platform: {@code token --user} signs them up (the local stand-in for a
 * confirmed Cognito sign-up) — a Pro trial, $10,000 on paper, the terms accepted, graduation ahead — and live mode is
 * refused for want of graduation until an admin, signed in with two factors, records a waiver.
 */
@PlatformTest
@LocalPlatformOnly("signing up goes through the local platform's sign-up, as token --user does")
@DisplayName("Sign-up, trial, paper account and graduation on the local platform")
class SignUpIT {
    private static final String LIVE = "{\"mode\":\"live\",\"venue\":\"coinbase\",\"acknowledgeRisk\":true}";

    private final ApiTarget target;
    private final Api api;

    SignUpIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    /** {@code token --user ID} against this platform: what it prints (the token) and tells (on stderr). */
    private String[] tokenCommand(String user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TokenCommand.run(new TokenCommand.Request(user, List.of(), Duration.ofMinutes(30), true,
                        URI.create(target.baseUrl())), target.localHome("token --user signs with the platform's key"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return new String[] {out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8)};
    }

    private static List<String> missing(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("missing").forEach(m -> out.add(m.asText()));
        return out;
    }

    @Test
    @DisplayName("token --user signs a new trader up once: Pro until 14 days on, $10,000 cash, terms accepted, graduation "
            + "progress at 0 of 50; live is refused for graduation until an admin's two-factor waiver")
    void signUpToWaiver() {
        String user = ApiTarget.newTraderId("sign up");
        Instant before = PlatformClock.system().instant();

        String[] first = tokenCommand(user);

        assertThat(first[1]).contains("signed up " + user);
        String token = first[0];
        JsonNode account = api.get("/api/v1/account", token).ok();
        assertThat(account.path("tier").asText()).isEqualTo("pro");
        Instant trialEnds = Instant.parse(account.path("trialEndsAt").asText());
        assertThat(Duration.between(before.plus(Duration.ofDays(14)), trialEnds).abs())
                .isLessThan(Duration.ofMinutes(5));
        assertThat(account.path("termsRequired").asBoolean()).isFalse();
        assertThat(account.path("tradingMode").path("mode").asText()).isEqualTo("paper");
        JsonNode graduation = account.path("graduation");
        assertThat(graduation.path("graduated").asBoolean()).isFalse();
        assertThat(graduation.path("criteria").get(0).path("name").asText()).isEqualTo("paperTrades");
        assertThat(graduation.path("criteria").get(0).path("current").asText()).isEqualTo("0");
        assertThat(graduation.path("criteria").get(0).path("required").asText()).isEqualTo("50");
        assertThat(api.get("/api/v1/dashboard", token).ok().path("cash").asText()).isEqualTo("10000.00");

        String[] again = tokenCommand(user);
        assertThat(again[1]).contains("already signed up");
        assertThat(api.get("/api/v1/account", again[0]).ok().path("trialEndsAt").asText())
                .isEqualTo(account.path("trialEndsAt").asText());

        JsonNode refused = api.send("PUT", "/api/v1/trading/mode", token, Map.of("Content-Type", "application/json"),
                LIVE).problem(409);
        assertThat(missing(refused)).anySatisfy(m -> assertThat(m).startsWith("graduation from paper trading")
                .contains("0 of 50 closed paper trades"));

        String admin = ApiTarget.newTraderId("admin");
        var tokens = target.platform("admin tokens signed with the platform's own key").tokens();
        String reason = "{\"reason\":\"verified professional trader\"}";
        String waiver = "/api/v1/admin/traders/" + user + "/graduation-waiver";
        JsonNode noSecondFactor = api.send("POST", waiver, tokens.issue(admin, List.of("admin"),
                Duration.ofMinutes(10), false), Map.of("Content-Type", "application/json"), reason).problem(403);
        assertThat(noSecondFactor.path("type").asText()).endsWith("/mfa-required");
        JsonNode waived = api.send("POST", waiver, tokens.issue(admin, List.of("admin"), Duration.ofMinutes(10)),
                Map.of("Content-Type", "application/json"), reason).ok();
        assertThat(waived.path("graduated").asBoolean()).isTrue();

        JsonNode stillRefused = api.send("PUT", "/api/v1/trading/mode", token,
                Map.of("Content-Type", "application/json"), LIVE).problem(409);
        assertThat(missing(stillRefused)).noneMatch(m -> m.contains("graduation"))
                .anySatisfy(m -> assertThat(m).contains("connected coinbase key"));
        assertThat(api.get("/api/v1/account", token).ok().path("graduation").path("waiver").path("grantedBy").asText())
                .isEqualTo(admin);
    }
}
