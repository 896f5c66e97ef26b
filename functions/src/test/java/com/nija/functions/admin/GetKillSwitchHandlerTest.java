package com.nija.functions.admin;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.shared.engine.KillSwitch;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GET /api/v1/admin/kill-switch: what the admin view shows before anyone flips the switch. */
class GetKillSwitchHandlerTest {
    private final ApplicationContext context = LocalBackends.get().context();
    private final GetKillSwitchHandler handler = new GetKillSwitchHandler(context);
    private final KillSwitch killSwitch = context.getBean(KillSwitch.class);

    @AfterEach
    void released() {
        // The switch is global: never leave it engaged for the test classes that follow.
        killSwitch.set(false, null, "test-cleanup");
    }

    @Test
    @DisplayName("an admin reads the engaged switch with its reason and who engaged it, without table keys")
    void adminReads() {
        killSwitch.set(true, "exchange outage", "ops-admin");

        JsonNode state = ok(handler.handleRequest(Events.http("api/get-kill-switch.json"), null));

        assertThat(state.path("engaged").asBoolean()).isTrue();
        assertThat(state.path("reason").asText()).isEqualTo("exchange outage");
        assertThat(state.path("changedBy").asText()).isEqualTo("ops-admin");
        assertThat(state.has("pk")).isFalse();
    }

    @Test
    @DisplayName("a token without the admin group is refused with 403 and sees nothing of the switch")
    void traderRefused() {
        killSwitch.set(true, "secret ops note", "ops-admin");
        APIGatewayV2HTTPEvent event = Events.http("api/get-kill-switch.json");
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        claims.remove("cognito:groups");
        jwt.setClaims(claims);

        JsonNode body = problem(handler.handleRequest(event, null), 403, "forbidden");

        assertThat(body.toString()).doesNotContain("secret ops note");
    }
}
