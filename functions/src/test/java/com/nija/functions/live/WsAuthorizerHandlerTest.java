package com.nija.functions.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.json.Json;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The WebSocket $connect authorizer with events/ws/authorize.json and tokens signed like a Cognito user pool's. */
class WsAuthorizerHandlerTest {
    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Test";
    static final String CLIENT = "nija-web";
    static final PojoSerializer<APIGatewayCustomAuthorizerEvent> EVENTS = LambdaEventSerializers.serializerFor(
            APIGatewayCustomAuthorizerEvent.class, WsAuthorizerHandlerTest.class.getClassLoader());

    static RSAKey poolKey;
    static ApplicationContext context;
    static WsAuthorizerHandler handler;

    @BeforeAll
    static void start() throws JOSEException {
        poolKey = new RSAKeyGenerator(2048).keyID("pool-key").generate();
        context = ApplicationContext.run(Map.of("nija.auth.issuer", ISSUER, "nija.auth.audience", CLIENT,
                "nija.auth.jwks", new JWKSet(poolKey.toPublicJWK()).toString()));
        handler = new WsAuthorizerHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static String token(String sub, Instant expires, List<String> groups) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(sub).issuer(ISSUER).audience(CLIENT)
                .expirationTime(Date.from(expires)).claim("cognito:groups", groups).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("pool-key").build(), claims);
        jwt.sign(new RSASSASigner(poolKey));
        return jwt.serialize();
    }

    /** The sample event with the token in the query (or none), and the given subprotocols offered. */
    static APIGatewayCustomAuthorizerEvent event(String queryToken, String subprotocols) throws IOException {
        APIGatewayCustomAuthorizerEvent event;
        try (InputStream in = WsAuthorizerHandlerTest.class.getResourceAsStream("/events/ws/authorize.json")) {
            event = EVENTS.fromJson(in);
        }
        Map<String, String> query = new HashMap<>(event.getQueryStringParameters());
        if (queryToken == null) query.remove("token"); else query.put("token", queryToken);
        event.setQueryStringParameters(query);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (subprotocols == null) headers.remove("Sec-WebSocket-Protocol"); else headers.put("Sec-WebSocket-Protocol", subprotocols);
        event.setHeaders(headers);
        return event;
    }

    @Test
    @DisplayName("a valid token in ?token= allows the connect route for its subject, with its groups as context")
    void allowsQueryToken() throws Exception {
        APIGatewayCustomAuthorizerEvent event = event(token("trader-7", PlatformClock.system().instant().plusSeconds(600),
                List.of("traders", "finance")), "nija.v1");

        IamPolicyResponseV1 policy = handler.handleRequest(event, null);

        assertThat(policy.getPrincipalId()).isEqualTo("trader-7");
        assertThat(policy.getContext()).containsEntry("sub", "trader-7").containsEntry("groups", "traders,finance");
        JsonNode json = Json.MAPPER.valueToTree(policy);
        JsonNode statement = json.at("/policyDocument/Statement/0");
        assertThat(json.at("/policyDocument/Version").asText()).isEqualTo("2012-10-17");
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.get("Action").toString()).contains("execute-api:Invoke");
        assertThat(statement.get("Resource").toString()).contains(event.getMethodArn());
    }

    @Test
    @DisplayName("a token offered as a Sec-WebSocket-Protocol (bare or bearer.<jwt>) is found and verified")
    void allowsSubprotocolToken() throws Exception {
        String jwt = token("trader-8", PlatformClock.system().instant().plusSeconds(600), List.of());

        assertThat(handler.handleRequest(event(null, "nija.v1, " + jwt), null).getPrincipalId()).isEqualTo("trader-8");
        assertThat(handler.handleRequest(event(null, "bearer." + jwt + ", nija.v1"), null).getPrincipalId())
                .isEqualTo("trader-8");
    }

    @Test
    @DisplayName("no token, an expired one or the sample's placeholder is refused with Unauthorized (API Gateway: 401)")
    void refuses() throws Exception {
        for (APIGatewayCustomAuthorizerEvent refused : List.of(event(null, "nija.v1"),
                event(token("trader-9", PlatformClock.system().instant().minusSeconds(300), List.of()), null),
                event("<the trader's JWT, signed by the user pool>", null))) {
            assertThatThrownBy(() -> handler.handleRequest(refused, null))
                    .isInstanceOf(WsAuthorizerHandler.Unauthorized.class)
                    .hasMessage("Unauthorized");
        }
    }

    @ParameterizedTest(name = "sub = {0}")
    @NullSource
    @ValueSource(strings = {"", "   ", "USER#someone-else"})
    @DisplayName("a validly signed token whose sub names no trader is refused with Unauthorized, never a connection")
    void refusesTokenWithoutTrader(String sub) throws Exception {
        String jwt = token(sub, PlatformClock.system().instant().plusSeconds(600), List.of());

        assertThatThrownBy(() -> handler.handleRequest(event(jwt, null), null))
                .isInstanceOf(WsAuthorizerHandler.Unauthorized.class);
    }

    @Test
    @DisplayName("a validly signed token with a sub of 1,024 characters is refused with Unauthorized")
    void refusesOversizedSubject() throws Exception {
        String jwt = token("u".repeat(1024), PlatformClock.system().instant().plusSeconds(600), List.of());

        assertThatThrownBy(() -> handler.handleRequest(event(jwt, null), null))
                .isInstanceOf(WsAuthorizerHandler.Unauthorized.class);
    }
}
