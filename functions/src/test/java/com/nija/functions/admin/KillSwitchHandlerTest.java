package com.nija.functions.admin;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.shared.data.ControlItem;
import com.nija.shared.engine.KillSwitch;
import io.micronaut.context.ApplicationContext;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/v1/admin/kill-switch: what an admin's bad request gets back, and that it never moves the switch. */
class KillSwitchHandlerTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final KillSwitchHandler handler = new KillSwitchHandler(context);
    private final KillSwitch killSwitch = context.getBean(KillSwitch.class);
    private Optional<ControlItem> before;

    @BeforeEach
    void released() {
        killSwitch.set(false, "kill-switch handler test: start released", "test-setup");
        before = killSwitch.current();
    }

    @AfterEach
    void releasedAgain() {
        // The switch is global: never leave it engaged for the test classes that follow.
        killSwitch.set(false, null, "test-cleanup");
    }

    private APIGatewayV2HTTPResponse send(String body) {
        return handler.handleRequest(Events.withBody(Events.http("api/kill-switch.json"), body), null);
    }

    @Test
    @DisplayName("a reason over 500 characters is refused with 422 naming reason, and the switch stays released")
    void reasonTooLong() {
        APIGatewayV2HTTPResponse response = send("{\"engaged\": true, \"reason\": \"" + "x".repeat(501) + "\"}");

        JsonNode body = problem(response, 422, "rule-violation");
        assertThat(texts(body.path("errors"), "field")).containsExactly("reason");
        assertThat(body.toString()).doesNotContain("xxxxxxxxxx");
        assertThat(killSwitch.current()).isEqualTo(before);
    }

    @Test
    @DisplayName("a reason of 1 MB is refused with 413 (not a 500 from the database), and the switch stays released")
    void reasonOfOneMegabyte() {
        APIGatewayV2HTTPResponse response = send("{\"engaged\": true, \"reason\": \"" + "x".repeat(1 << 20) + "\"}");

        JsonNode body = problem(response, 413, "payload-too-large");
        assertThat(body.path("detail").asText()).contains("256 KB");
        assertThat(killSwitch.current()).isEqualTo(before);
    }

    @Test
    @DisplayName("a reason of exactly 500 characters engages the switch; the answer shows its state without table keys")
    void longestReasonAccepted() {
        String reason = "r".repeat(500);

        JsonNode state = ok(send("{\"engaged\": true, \"reason\": \"" + reason + "\"}"));

        assertThat(state.path("engaged").asBoolean()).isTrue();
        assertThat(state.path("reason").asText()).isEqualTo(reason);
        assertThat(state.path("changedBy").asText()).isEqualTo("ops-admin");
        assertThat(state.has("pk")).as("table keys in %s", state).isFalse();
        assertThat(state.has("sk")).as("table keys in %s", state).isFalse();
    }

    @Test
    @DisplayName("the sample malformed event (engaged: \"yes\") gets 400 naming engaged, and the switch stays released")
    void sampleMalformedEvent() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.http("api/kill-switch-malformed.json"), null);

        JsonNode body = problem(response, 400, "invalid-input");
        assertThat(texts(body.path("errors"), "field")).containsExactly("engaged");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("must be true or false");
        assertThat(killSwitch.current()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"engaged\": tru", "{\"engaged\": \"yes\"}", "{\"engaged\": 1}", "[true]",
            "{\"engaged\": true} {\"engaged\": false}", "{\"engaged\": true, \"reason\": {\"text\": \"outage\"}}"})
    @DisplayName("a malformed body is refused with 400 problem+json naming what is wrong, and the switch stays released")
    void malformedBody(String body) {
        APIGatewayV2HTTPResponse response = send(body);

        JsonNode problem = problem(response, 400, "invalid-input");
        assertThat(problem.path("errors")).isNotEmpty();
        assertThat(problem.toString()).doesNotContain("java.").doesNotContain("Cannot deserialize")
                .doesNotContain("reference chain");
        assertThat(killSwitch.current()).isEqualTo(before);
    }
}
