package com.nija.functions.brokers;

import static com.nija.functions.brokers.BrokerRoutes.require;
import static com.nija.functions.support.ApiResponses.json;
import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static com.nija.functions.support.ApiResponses.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.functions.support.BrokerKeys;
import com.nija.functions.support.Events;
import com.nija.functions.support.LogCapture;
import com.nija.functions.support.ServerFaults;
import com.nija.functions.support.TraderFixture;
import com.nija.shared.account.BotState;
import com.nija.shared.brokers.BrokerLinkItem;
import com.nija.shared.brokers.BrokerLinkRepository;
import com.nija.shared.json.Json;
import com.nija.shared.venues.KeyCheck;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trader's venue keys through the routes, judged by what the trader notices: a key is accepted only in the venue's
 * form, is never shown or logged again, tests against the venue, counts against the plan's broker limit, and can be
 * replaced and removed — and by what they must never see: a secret in a response, a log line or a plain-text item.
 */
class BrokerKeyHandlersTest {
    private final BrokerRoutes routes = BrokerRoutes.get();
    private final BrokerLinkRepository links = routes.context.getBean(BrokerLinkRepository.class);

    private static String trader(String tier) {
        return TraderFixture.newTrader().profile(tier, BotState.RUNNING, "10000.00").userId();
    }

    private List<JsonNode> listed(String user) {
        List<JsonNode> out = new ArrayList<>();
        ok(routes.list(user)).path("brokers").forEach(out::add);
        return out;
    }

    private JsonNode listed(String user, Venue venue) {
        return listed(user).stream().filter(b -> b.path("venue").asText().equals(venue.wire())).findFirst()
                .orElseThrow(() -> new AssertionError(venue.wire() + " is not listed for " + user));
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    @DisplayName("a key in the venue's form is connected (200 venue, status, hint, time), listed, and stored only sealed")
    void connectEachVenue(Venue venue) {
        String user = trader("pro");
        BrokerKeys.Key key = BrokerKeys.fresh(venue);

        APIGatewayV2HTTPResponse response = routes.connect(user, key);

        JsonNode body = ok(response);
        assertThat(body.path("venue").asText()).isEqualTo(venue.wire());
        assertThat(body.path("status").asText()).isEqualTo("untested");
        assertThat(body.path("keyHint").asText()).isEqualTo(key.hint());
        assertThat(body.path("connectedAt").asText()).isEqualTo(routes.clock.instant().toString());
        assertThat(body.path("sandbox").asBoolean()).isEqualTo(venue.sandboxFlag().isPresent());
        key.secrets().forEach(secret -> assertThat(response.getBody()).doesNotContain(secret));
        assertThat(listed(user, venue).path("keyHint").asText()).isEqualTo(key.hint());
        BrokerLinkItem stored = links.find(user, venue).orElseThrow();
        assertThat(stored.sealedCredentials()).startsWith("v1:");
        key.secrets().forEach(secret -> assertThat(stored.toString()).doesNotContain(secret));
        VenueCredentials opened = links.open(stored);
        assertThat(opened.keyId()).isEqualTo(key.keyId());
        assertThat(Json.readTree(key.body()).orElseThrow().get(venue.credentialFields().get(1)).textValue().strip())
                .as("the secret opens to what was sent").isEqualTo(opened.field(venue.credentialFields().get(1)).strip());
    }

    @Test
    @DisplayName("reconnecting replaces the key and starts its test over; the next test uses the new key")
    void reconnectReplaces() {
        String user = trader("pro");
        routes.connectedAndTested(user, Venue.BINANCE);
        assertThat(listed(user, Venue.BINANCE).path("status").asText()).isEqualTo("verified");
        BrokerKeys.Key replacement = BrokerKeys.fresh(Venue.BINANCE);

        JsonNode body = ok(routes.connect(user, replacement));

        assertThat(body.path("status").asText()).isEqualTo("untested");
        assertThat(listed(user)).singleElement().satisfies(b -> {
            assertThat(b.path("keyHint").asText()).isEqualTo(replacement.hint());
            assertThat(b.path("status").asText()).isEqualTo("untested");
            assertThat(b.has("lastTestOk")).isFalse();
        });
        ok(routes.test(user, "binance"));
        assertThat(routes.exchange.calledWith().get(routes.exchange.calledWith().size() - 1).keyId())
                .isEqualTo(replacement.keyId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bitfinex", "ftx", "coinbase-pro", "x"})
    @DisplayName("an unknown venue is 404 not-found naming the venues NIJA connects, and nothing is stored")
    void unknownVenue(String venue) {
        String user = trader("pro");

        JsonNode problem = problem(routes.connect(user, venue, BrokerKeys.fresh(Venue.BINANCE).body()), 404,
                "not-found");

        assertThat(problem.path("detail").asText()).contains("coinbase, kraken, okx, binance, alpaca");
        assertThat(listed(user)).isEmpty();
        problem(routes.put.handleRequest(Events.http("api/connect-broker-unknown-venue.json", user), null), 404,
                "not-found");
    }

    static Stream<Arguments> brokenBodies() {
        return Stream.of(
                Arguments.of(Venue.COINBASE, "privateKey", "a P-384 key",
                        "-----BEGIN EC PRIVATE KEY-----\nMIGkAgEBBDD/sQ7Q0kHjoqDMDTb7s0G38p9t0Psq4kB3DZ92Eo+tvjB0UwCjAz1H\n"
                                + "foVyz2BoqIugBwYFK4EEACKhZANiAASp9L3WGLTHzd2hP2pNCmgdlnDmUWA/Anu/\n"
                                + "ZEjT6QoYe9gOmQU6OZF3wJkj+ZexQXLe7jbhTrvzT2DYEy95ugVJLC6FY4xAcrHn\n"
                                + "8RWHoe0svHhQ3hExpXjmmX95HboVrQU=\n-----END EC PRIVATE KEY-----\n"),
                Arguments.of(Venue.COINBASE, "keyName", "a bare key id", "7e4fabfa-e4ed-4772-b7bc-59d2c35e47ae"),
                Arguments.of(Venue.KRAKEN, "apiSecret", "not base64", "this is not base64!"),
                Arguments.of(Venue.OKX, "passphrase", "a missing passphrase", null),
                Arguments.of(Venue.OKX, "demo", "demo as text", "true"),
                Arguments.of(Venue.BINANCE, "withdraw", "an extra field", "yes"),
                Arguments.of(Venue.ALPACA, "paper", "no paper flag", null));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("brokenBodies")
    @DisplayName("a missing, malformed or extra field is 422 naming the field and its rule; nothing is stored")
    void brokenBody(Venue venue, String field, String what, String value) {
        String user = trader("pro");
        ObjectNode body = (ObjectNode) Json.readTree(BrokerKeys.fresh(venue).body()).orElseThrow();
        if (value == null) body.remove(field);
        else body.put(field, value);

        JsonNode problem = problem(routes.connect(user, venue.wire(), body.toString()), 422, "rule-violation");

        assertThat(texts(problem.path("errors"), "field")).containsExactly(field);
        assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
        assertThat(listed(user)).isEmpty();
    }

    static Stream<Arguments> hostile() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        return Stream.of(
                Arguments.of("coinbase", "", 400), Arguments.of("coinbase", "not json", 400),
                Arguments.of("kraken", "[\"apiKey\"]", 400), Arguments.of("kraken", "null", 400),
                Arguments.of("okx", deep, 400), Arguments.of("okx", "{\"apiKey\": 1e99999999999999}", 400),
                Arguments.of("binance", "{\"apiKey\": \"a\", \"apiKey\": \"b\"}", 400),
                Arguments.of("binance", "{\"apiKey\": \"" + "A".repeat(300_000) + "\"}", 413),
                Arguments.of("alpaca", "{\"keyId\": {\"$ne\": null}, \"secretKey\": [1, 2], \"paper\": \"yes\"}", 422),
                Arguments.of("coinbase", "{\"keyName\": \"organizations/\\u0000/apiKeys/x\", \"privateKey\": \"\\ud800\"}",
                        422),
                Arguments.of("../../etc/passwd", "{}", 404), Arguments.of("x".repeat(5_000), "{}", 404),
                Arguments.of(null, "{}", 404), Arguments.of("COINBASE%00", "{}", 404));
    }

    @ParameterizedTest(name = "[{index}] {0} → {2}")
    @MethodSource("hostile")
    @DisplayName("hostile input is a 4xx problem+json, never a 5xx, and stores nothing")
    void hostileInput(String venue, String body, int status) {
        String user = trader("pro");

        APIGatewayV2HTTPResponse response = routes.connect(user, venue, body);

        ServerFaults.assertNone(response, body.length() > 100 ? body.substring(0, 100) : body);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(listed(user)).isEmpty();
    }

    @Test
    @DisplayName("a body flagged base64 that is not base64 is 400, never 500")
    void badBase64() {
        String user = trader("pro");
        APIGatewayV2HTTPEvent event = BrokerRoutes.onVenue("api/connect-broker.json", user, "kraken");
        event.setBody("%%% not base64 %%%");
        event.setIsBase64Encoded(true);

        problem(routes.put.handleRequest(event, null), 400, "invalid-input");
    }

    @Test
    @DisplayName("the free plan connects one venue: a second is 409 broker-limit with the limit; replacing the first is fine")
    void freePlanLimit() {
        String user = trader("free");
        ok(routes.connect(user, BrokerKeys.fresh(Venue.COINBASE)));

        JsonNode problem = problem(routes.connect(user, BrokerKeys.fresh(Venue.KRAKEN)), 409, "broker-limit");

        assertThat(problem.path("limit").asInt()).isEqualTo(1);
        assertThat(problem.path("connected").size()).isEqualTo(1);
        assertThat(problem.path("connected").get(0).asText()).isEqualTo("coinbase");
        assertThat(problem.path("detail").asText()).contains("free plan connects at most 1 broker");
        assertThat(listed(user)).extracting(b -> b.path("venue").asText()).containsExactly("coinbase");
        ok(routes.connect(user, BrokerKeys.fresh(Venue.COINBASE)));
    }

    @Test
    @DisplayName("basic connects two venues and pro five; enterprise has no limit")
    void limitsByPlan() {
        String basic = trader("basic");
        ok(routes.connect(basic, BrokerKeys.fresh(Venue.OKX)));
        ok(routes.connect(basic, BrokerKeys.fresh(Venue.ALPACA)));
        assertThat(problem(routes.connect(basic, BrokerKeys.fresh(Venue.BINANCE)), 409, "broker-limit")
                .path("limit").asInt()).isEqualTo(2);

        String enterprise = trader("enterprise");
        for (Venue v : Venue.values()) ok(routes.connect(enterprise, BrokerKeys.fresh(v)));
        assertThat(listed(enterprise)).hasSize(Venue.values().length);
        require(routes.delete(basic, "okx"), 204);
        ok(routes.connect(basic, BrokerKeys.fresh(Venue.BINANCE)));
    }

    @Test
    @DisplayName("a key that may trade passes its test: 200 {ok, permissions, problems}, listed as verified")
    void testPasses() {
        String user = trader("pro");
        BrokerKeys.Key key = BrokerKeys.fresh(Venue.KRAKEN);
        ok(routes.connect(user, key));
        routes.clock.advance(java.time.Duration.ofMinutes(3));

        JsonNode result = ok(routes.test(user, "kraken"));

        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("permissions").size()).isEqualTo(2);
        assertThat(result.path("problems")).isEmpty();
        JsonNode listed = listed(user, Venue.KRAKEN);
        assertThat(listed.path("status").asText()).isEqualTo("verified");
        assertThat(listed.path("lastTestOk").asBoolean()).isTrue();
        assertThat(listed.path("lastTestAt").asText()).isEqualTo(routes.clock.instant().toString());
        VenueCredentials used = routes.exchange.calledWith().get(routes.exchange.calledWith().size() - 1);
        assertThat(used.keyId()).isEqualTo(key.keyId());
        assertThat(used.field("apiSecret")).isEqualTo(key.secrets().get(0));
    }

    static Stream<Arguments> failedTests() {
        return Stream.of(
                Arguments.of("cannot trade", KeyCheck.of(List.of("view"), List.of("the key cannot trade: enable "
                        + "trading on it"), List.of()), false, "error: the key cannot trade"),
                Arguments.of("can withdraw", KeyCheck.of(List.of("view", "trade", "withdraw"), List.of(),
                        List.of("the key can withdraw: NIJA never needs that")), true, "warning: the key can withdraw"),
                Arguments.of("refused by the venue", KeyCheck.of(List.of(), List.of("invalid API key"), List.of()),
                        false, "error: invalid API key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedTests")
    @DisplayName("what the venue says of a key is answered and recorded: errors fail it, a withdraw permission only warns")
    void testOutcomes(String what, KeyCheck scripted, boolean ok, String problem) {
        String user = trader("pro");
        BrokerKeys.Key key = BrokerKeys.fresh(Venue.ALPACA);
        routes.exchange.keyCheck(key.keyId(), scripted);
        ok(routes.connect(user, key));

        JsonNode result = ok(routes.test(user, "alpaca"));

        assertThat(result.path("ok").asBoolean()).isEqualTo(ok);
        assertThat(result.path("problems").size()).isEqualTo(1);
        assertThat(result.path("problems").get(0).asText()).startsWith(problem);
        JsonNode listed = listed(user, Venue.ALPACA);
        assertThat(listed.path("status").asText()).isEqualTo(ok ? "verified" : "failed");
        assertThat(listed.path("problems").get(0).asText()).startsWith(problem);
    }

    @Test
    @DisplayName("a venue that does not answer fails the test (nothing was verified), with the reason; no 5xx")
    void venueUnreachable() {
        String user = trader("pro");
        BrokerKeys.Key key = BrokerKeys.fresh(Venue.OKX);
        routes.exchange.unreachable(key.keyId());
        ok(routes.connect(user, key));

        JsonNode result = ok(routes.test(user, "okx"));

        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("problems").get(0).asText()).startsWith("error: could not check the key with okx")
                .contains("test again");
        assertThat(listed(user, Venue.OKX).path("status").asText()).isEqualTo("failed");
    }

    @Test
    @DisplayName("testing a venue with no key connected is 404 saying how to connect one")
    void testNotConnected() {
        String user = trader("pro");

        assertThat(problem(routes.test(user, "coinbase"), 404, "not-found").path("detail").asText())
                .contains("PUT /api/v1/brokers/coinbase");
        problem(routes.test(user, "mtgox"), 404, "not-found");
    }

    @Test
    @DisplayName("a sealed key copied onto another trader's connection does not open there: 409, the venue is not called")
    void copiedCiphertextDoesNotOpen() {
        String victim = trader("pro");
        String thief = trader("pro");
        ok(routes.connect(victim, BrokerKeys.fresh(Venue.BINANCE)));
        ok(routes.connect(thief, BrokerKeys.fresh(Venue.BINANCE)));
        BrokerLinkItem theirs = links.find(victim, Venue.BINANCE).orElseThrow();
        BrokerLinkItem mine = links.find(thief, Venue.BINANCE).orElseThrow();
        assertThat(links.replaceIfUnchanged(new BrokerLinkItem(mine.pk(), mine.sk(), mine.userId(), mine.venue(),
                theirs.sealedCredentials(), theirs.keyHint(), mine.sandbox(), mine.connectedAt(), null, null, null, null,
                null, mine.version()))).isTrue();
        int calls = routes.exchange.calledWith().size();

        JsonNode problem = problem(routes.test(thief, "binance"), 409, "conflict");

        assertThat(problem.path("detail").asText()).contains("cannot be read").contains("connect it again");
        assertThat(routes.exchange.calledWith()).hasSize(calls);
    }

    @Test
    @DisplayName("removing a key is 204 and it is gone; removing it again, or an unknown venue, is 404")
    void delete() {
        String user = trader("pro");
        ok(routes.connect(user, BrokerKeys.fresh(Venue.COINBASE)));

        APIGatewayV2HTTPResponse response = routes.delete(user, "coinbase");

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(listed(user)).isEmpty();
        assertThat(links.find(user, Venue.COINBASE)).isEmpty();
        problem(routes.delete(user, "coinbase"), 404, "not-found");
        problem(routes.delete(user, "bitstamp"), 404, "not-found");
    }

    @Test
    @DisplayName("no secret of any venue's key is ever logged or answered, through connect, refusals, test, list and delete")
    void secretsNeverLogged() {
        String user = trader("pro");
        String freeUser = trader("free");
        List<BrokerKeys.Key> keys = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        try (LogCapture logs = LogCapture.everything()) {
            for (Venue venue : Venue.values()) {
                BrokerKeys.Key key = BrokerKeys.fresh(venue);
                keys.add(key);
                ObjectNode withExtra = (ObjectNode) Json.readTree(key.body()).orElseThrow();
                withExtra.put("note", "extra");
                answers.add(routes.connect(user, venue.wire(), withExtra.toString()).getBody());
                answers.add(require(routes.connect(user, key), 200).getBody());
                answers.add(routes.connect(freeUser, key).getBody());
                answers.add(routes.test(user, venue.wire()).getBody());
                answers.add(routes.list(user).getBody());
            }
            BrokerKeys.Key silent = BrokerKeys.fresh(Venue.KRAKEN);
            keys.add(silent);
            routes.exchange.unreachable(silent.keyId());
            answers.add(require(routes.connect(user, silent), 200).getBody());
            answers.add(routes.test(user, "kraken").getBody());
            for (Venue venue : Venue.values()) answers.add(String.valueOf(routes.delete(user, venue.wire()).getBody()));

            List<String> logged = logs.allText();
            assertThat(logged).as("lines logged").isNotEmpty();
            assertThat(logged).anyMatch(l -> l.contains("connected their") && l.contains(user));
            for (BrokerKeys.Key key : keys) {
                for (String secret : key.secrets()) {
                    assertThat(logged).as("log lines").noneMatch(line -> line.contains(secret));
                    assertThat(answers).as("responses").noneMatch(body -> body.contains(secret));
                }
            }
        }
    }

    @Test
    @DisplayName("the listing shows each connection's hint and status, never a field of the key")
    void listingShape() {
        String user = trader("pro");
        BrokerKeys.Key key = routes.connectedAndTested(user, Venue.OKX);

        JsonNode listed = listed(user, Venue.OKX);

        assertThat(listed.path("sandbox").asBoolean()).isTrue();
        assertThat(listed.path("live").asBoolean()).isFalse();
        List<String> names = new ArrayList<>();
        listed.fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContain("apiKey", "apiSecret", "passphrase", "sealedCredentials")
                .contains("venue", "status", "keyHint", "connectedAt", "lastTestAt", "lastTestOk", "permissions",
                        "problems");
        assertThat(listed.toString()).doesNotContain(key.keyId());
        assertThat(listed.path("keyHint").asText()).isEqualTo(key.hint());
    }
}
