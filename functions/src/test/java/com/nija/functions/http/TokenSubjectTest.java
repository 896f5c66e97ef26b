package com.nija.functions.http;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.routes.Route;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.shared.data.ControlItem;
import com.nija.shared.engine.KillSwitch;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API Gateway's JWT authorizer checks a token's signature, issuer, audience and times, not its {@code sub}: a validly
 * signed token without one reaches the function. Every route behind the authorizer answers it with 401 and the RFC 6750
 * challenge, before it reads or writes anything.
 */
class TokenSubjectTest {
    private final ApplicationContext context = LocalBackends.get().context();

    /** Every route behind the authorizer, with its sample event; each with a sub that names no trader. */
    static Stream<Arguments> routesAndSubjects() {
        Map<String, String> subjects = new java.util.LinkedHashMap<>();
        subjects.put("no sub claim", null);
        subjects.put("an empty sub", "");
        subjects.put("a sub of 1,024 characters", "u".repeat(1024));
        subjects.put("a sub with a key separator", "USER#someone-else");
        return RouteTable.ROUTES.stream().filter(r -> r.access().needsToken())
                .flatMap(r -> subjects.entrySet().stream().map(s -> Arguments.of(r.function(), s.getKey(), s.getValue())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("routesAndSubjects")
    @DisplayName("a signed token whose sub names no trader gets 401 invalid_token with the reason, and nothing is written")
    void refusedWithChallenge(String function, String what, String sub) throws Exception {
        Route route = RouteTable.byFunction(function).orElseThrow();
        ApiHandler handler = (ApiHandler) route.handler().getConstructor(ApplicationContext.class).newInstance(context);
        APIGatewayV2HTTPEvent event = Events.http("api/" + function + ".json");
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        if (sub == null) claims.remove("sub");
        else claims.put("sub", sub);
        jwt.setClaims(claims);
        Optional<ControlItem> killSwitch = context.getBean(KillSwitch.class).current();

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        JsonNode body = problem(response, 401, "unauthorized");
        assertThat(body.path("detail").asText()).contains("sub");
        assertThat(header(response, "WWW-Authenticate"))
                .startsWith("Bearer error=\"invalid_token\", error_description=\"")
                .contains("sub");
        assertThat(response.getBody()).doesNotContain("uuuuuuuuuu");
        assertThat(context.getBean(KillSwitch.class).current()).isEqualTo(killSwitch);
    }
}
