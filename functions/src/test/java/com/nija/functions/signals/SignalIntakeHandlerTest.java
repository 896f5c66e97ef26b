package com.nija.functions.signals;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.json;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.SignalItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.QuantityType;
import com.nija.shared.engine.Signal;
import com.nija.shared.engine.SignalAction;
import com.nija.shared.signals.SourceRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * POST /api/v1/signals: who may send, what is accepted, and that a signal is recorded and queued exactly once. Inline
 * fan-out is off here, so every accepted signal takes the fan-out function's path; {@link InlineFanoutTest} covers
 * intake sending orders itself.
 */
class SignalIntakeHandlerTest {
    /** The TradingView source and secret the sample event {@code events/api/signal-intake.json} uses. */
    private static final String TV_SOURCE = "tradingview-main";
    private static final String TV_SECRET = "tv-main-sample-secret-5e8a1c";
    /** A programmatic sender that signs its requests and may send two strategies only. */
    private static final String ALGO_SOURCE = "algo-desk";
    private static final String ALGO_SECRET = "algo-desk-test-secret-0b77";

    private static final LocalBackends backends = LocalBackends.get();
    /** A context of this class's own with inline fan-out off; the shared one keeps its setting for other classes. */
    private static final ApplicationContext CONTEXT = backends.newContext(Map.of("nija.inline-fanout-max", "0"));
    private final SignalIntakeHandler handler = new SignalIntakeHandler(CONTEXT);
    private final TradingTables tables = CONTEXT.getBean(TradingTables.class);

    @AfterAll
    static void closeContext() {
        CONTEXT.close();
    }

    @BeforeAll
    static void registerSources() {
        SourceRegistry sources = CONTEXT.getBean(SourceRegistry.class);
        sources.register(TV_SOURCE, "SIGNALS", TV_SECRET, List.of("*"), PlatformClock.system().instant());
        sources.register(ALGO_SOURCE, "SIGNALS", ALGO_SECRET, List.of("trend", "breakout"), PlatformClock.system().instant());
        backends.queues().takeSignals(); // whatever earlier classes left behind
    }

    private static String newId() {
        return "sig-" + UUID.randomUUID();
    }

    /** A signed request from the algo desk, signed now unless {@code signedAt} says otherwise. */
    private static APIGatewayV2HTTPEvent signed(String body, String source, String secret, Instant signedAt) {
        return Events.signed(Events.http("api/signal-intake.json"), source, secret, body, signedAt);
    }

    private static APIGatewayV2HTTPEvent signed(String body) {
        return signed(body, ALGO_SOURCE, ALGO_SECRET, PlatformClock.system().instant());
    }

    private static APIGatewayV2HTTPEvent unsigned(String body) {
        return Events.withBody(Events.http("api/signal-intake.json"), body);
    }

    private static String algoSignal(String signalId) {
        return "{\"signalId\": \"" + signalId + "\", \"symbol\": \"ETH-USD\", \"action\": \"buy\", \"strategy\": \"trend\","
                + " \"quantityType\": \"usd\", \"quantity\": \"250\", \"stopLoss\": \"2%\"}";
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private SignalItem recorded(String signalId) {
        return tables.signals().getItem(r -> r.key(Key.builder().partitionValue(Keys.signal(signalId))
                .sortValue("SIGNAL").build()).consistentRead(true));
    }

    /** Signals on the queue for fan-out with this id (taking everything off the queue). */
    private List<Signal> queued(String signalId) {
        return backends.queues().takeSignals().stream().map(Message::body).map(OrderMessages::readSignal)
                .filter(s -> s.signalId().equals(signalId)).toList();
    }

    private static JsonNode accepted(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(202);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json");
        return json(response);
    }

    @Test
    @DisplayName("a signal with a valid HMAC signature header is accepted (202), recorded and queued once for fan-out")
    void signedSignalAccepted() {
        String id = newId();

        APIGatewayV2HTTPResponse response = send(signed(algoSignal(id)));

        JsonNode body = accepted(response);
        assertThat(body.path("signalId").asText()).isEqualTo(id);
        assertThat(body.path("status").asText()).isEqualTo("accepted");
        assertThat(body.path("symbol").asText()).isEqualTo("ETH-USD");
        assertThat(body.path("action").asText()).isEqualTo("buy");
        SignalItem item = recorded(id);
        assertThat(item).isNotNull();
        assertThat(item.source()).isEqualTo(ALGO_SOURCE);
        assertThat(item.strategy()).isEqualTo("trend");
        List<Signal> onQueue = queued(id);
        assertThat(onQueue).hasSize(1);
        Signal queued = onQueue.get(0);
        assertThat(queued.source()).isEqualTo(ALGO_SOURCE);
        assertThat(queued.action()).isEqualTo(SignalAction.BUY);
        assertThat(queued.quantityType()).isEqualTo(QuantityType.USD);
        assertThat(queued.quantity()).isEqualByComparingTo("250");
        assertThat(queued.stopLoss().percent()).isEqualByComparingTo("2");
    }

    @Test
    @DisplayName("the TradingView sample alert with its source and secret in the body is accepted (202)")
    void tradingViewBodySecretAccepted() {
        APIGatewayV2HTTPEvent event = Events.http("api/signal-intake.json");

        APIGatewayV2HTTPResponse response = send(event);

        JsonNode body = accepted(response);
        assertThat(body.path("symbol").asText()).isEqualTo("BTC-USD");
        assertThat(body.path("action").asText()).isEqualTo("buy");
        String id = body.path("signalId").asText();
        assertThat(recorded(id).source()).isEqualTo(TV_SOURCE);
        List<Signal> onQueue = queued(id);
        assertThat(onQueue).hasSize(1);
        assertThat(onQueue.get(0).quantity()).isEqualByComparingTo("200"); // position_size in USD
        assertThat(onQueue.get(0).quantityType()).isEqualTo(QuantityType.USD);
    }

    static Stream<Arguments> unauthenticated() {
        Instant now = PlatformClock.system().instant();
        String id = "sig-unauth-";
        return Stream.of(
                Arguments.of("the body secret is wrong", id + "1", (RequestFor) (sid) -> unsigned(
                        "{\"source\": \"" + TV_SOURCE + "\", \"secret\": \"guess\", \"signalId\": \"" + sid
                                + "\", \"symbol\": \"BTC-USD\", \"action\": \"buy\"}")),
                Arguments.of("the body names an unknown source", id + "2", (RequestFor) (sid) -> unsigned(
                        "{\"source\": \"nobody\", \"secret\": \"" + TV_SECRET + "\", \"signalId\": \"" + sid
                                + "\", \"symbol\": \"BTC-USD\", \"action\": \"buy\"}")),
                Arguments.of("the header names an unknown source", id + "3", (RequestFor) (sid) ->
                        signed(algoSignal(sid), "nobody", ALGO_SECRET, now)),
                Arguments.of("the signature was made with another secret", id + "4", (RequestFor) (sid) ->
                        signed(algoSignal(sid), ALGO_SOURCE, "not-the-secret", now)),
                Arguments.of("the signature is 6 minutes old", id + "5", (RequestFor) (sid) ->
                        signed(algoSignal(sid), ALGO_SOURCE, ALGO_SECRET, now.minus(Duration.ofMinutes(6)))),
                Arguments.of("the signature is dated 6 minutes ahead", id + "6", (RequestFor) (sid) ->
                        signed(algoSignal(sid), ALGO_SOURCE, ALGO_SECRET, now.plus(Duration.ofMinutes(6)))),
                Arguments.of("the signature is not hex", id + "7", (RequestFor) (sid) -> Events.withHeader(
                        signed(algoSignal(sid)), "X-Nija-Signature", "t=" + now.getEpochSecond() + ",v1=zz-not-hex")),
                Arguments.of("the signed body was altered", id + "8", (RequestFor) (sid) -> Events.withBody(
                        signed(algoSignal(sid)), algoSignal(sid).replace("250", "2500"))),
                Arguments.of("there is neither a signature nor a secret", id + "9", (RequestFor) (sid) ->
                        unsigned(algoSignal(sid))),
                Arguments.of("the signature time is beyond the calendar", id + "10", (RequestFor) (sid) -> Events.withHeader(
                        signed(algoSignal(sid)), "X-Nija-Signature", "t=99999999999999999,v1=00")),
                Arguments.of("the signature time is negative", id + "11", (RequestFor) (sid) -> Events.withHeader(
                        signed(algoSignal(sid)), "X-Nija-Signature", "t=-9223372036854775808,v1=00")));
    }

    /** The request a sender makes for a signal with this id. */
    interface RequestFor {
        APIGatewayV2HTTPEvent event(String signalId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unauthenticated")
    @DisplayName("a sender that cannot be authenticated gets 401 problem+json and nothing is recorded or queued")
    void unauthenticatedRefused(String why, String signalId, RequestFor request) {
        APIGatewayV2HTTPResponse response = send(request.event(signalId));

        JsonNode problem = problem(response, 401, "unauthorized");
        assertThat(problem.path("detail").asText()).doesNotContain(ALGO_SECRET).doesNotContain(TV_SECRET);
        assertThat(recorded(signalId)).isNull();
        assertThat(queued(signalId)).isEmpty();
    }

    @Test
    @DisplayName("a text/plain alert that is not JSON gets 400 with a message pointing at the TradingView alert template")
    void plainTextRefused() {
        APIGatewayV2HTTPEvent event = Events.withHeader(unsigned("BTCUSD crossed up, buy now"), "Content-Type",
                "text/plain; charset=utf-8");

        APIGatewayV2HTTPResponse response = send(event);

        JsonNode problem = problem(response, 400, "invalid-input");
        assertThat(problem.toString()).contains("TradingView");
        assertThat(backends.queues().takeSignals()).isEmpty();
    }

    @Test
    @DisplayName("a signal older than its maxLag gets 422 stale-signal, is counted as SignalStale and is not recorded")
    void staleSignalRefused() {
        String id = newId();
        String body = "{\"signalId\": \"" + id + "\", \"symbol\": \"ETH-USD\", \"action\": \"buy\", \"strategy\": \"trend\","
                + " \"timestamp\": \"" + PlatformClock.system().instant().minusSeconds(45) + "\", \"maxLag\": 30}";
        double staleBefore = backends.metrics().total("SignalStale");

        APIGatewayV2HTTPResponse response = send(signed(body));

        JsonNode problem = problem(response, 422, "stale-signal");
        assertThat(problem.path("detail").asText()).contains("30 s");
        assertThat(backends.metrics().total("SignalStale")).isEqualTo(staleBefore + 1);
        assertThat(recorded(id)).isNull();
        assertThat(queued(id)).isEmpty();
    }

    @Test
    @DisplayName("a signal within its maxLag is accepted")
    void freshSignalWithinLagAccepted() {
        String id = newId();
        String body = "{\"signalId\": \"" + id + "\", \"symbol\": \"ETH-USD\", \"action\": \"sell\", \"strategy\": \"trend\","
                + " \"timestamp\": \"" + PlatformClock.system().instant().minusSeconds(20) + "\", \"maxLag\": 30}";

        APIGatewayV2HTTPResponse response = send(signed(body));

        accepted(response);
        assertThat(queued(id)).hasSize(1);
    }

    @Test
    @DisplayName("the same signalId sent twice is accepted once: 202, then 200 with the identical body, one queue message")
    void duplicateSignalIdAnsweredWithFirstResult() {
        String id = newId();
        String body = algoSignal(id);

        APIGatewayV2HTTPResponse first = send(signed(body));
        APIGatewayV2HTTPResponse second = send(signed(body));

        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(second.getStatusCode()).as("status of %s", second.getBody()).isEqualTo(200);
        assertThat(json(second)).isEqualTo(json(first));
        assertThat(queued(id)).hasSize(1);
    }

    @Test
    @DisplayName("without a signalId the id is derived from the body, so an identical alert sent twice is a duplicate")
    void bodyHashIsTheIdWhenAbsent() {
        // An unknown field is ignored by the parser but is part of the body, so this alert hashes like no other.
        String body = "{\"source\": \"" + TV_SOURCE + "\", \"secret\": \"" + TV_SECRET + "\", \"symbol\": \"SOL-USD\","
                + " \"action\": \"buy\", \"position_size\": \"120\", \"alert\": \"" + UUID.randomUUID() + "\"}";

        APIGatewayV2HTTPResponse first = send(unsigned(body));
        APIGatewayV2HTTPResponse second = send(unsigned(body));

        String id = accepted(first).path("signalId").asText();
        assertThat(id).startsWith("sha256-");
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(json(second).path("signalId").asText()).isEqualTo(id);
        assertThat(queued(id)).hasSize(1);
    }

    @Test
    @DisplayName("a strategy the source may not send gets 422 naming the strategy, and nothing is recorded")
    void strategyNotAllowedForSource() {
        String id = newId();
        String body = "{\"signalId\": \"" + id + "\", \"symbol\": \"ETH-USD\", \"action\": \"buy\", \"strategy\": \"scalp\"}";

        APIGatewayV2HTTPResponse response = send(signed(body));

        JsonNode problem = problem(response, 422, "rule-violation");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("strategy");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("scalp");
        assertThat(recorded(id)).isNull();
        assertThat(queued(id)).isEmpty();
    }

    @Test
    @DisplayName("NIJA's TradingView shape is accepted: close means exit, BTCUSD is BTC-USD, position_size is dollars")
    void tradingViewCloseShape() {
        String id = newId();
        String body = "{\"source\": \"" + TV_SOURCE + "\", \"secret\": \"" + TV_SECRET + "\", \"signalId\": \"" + id
                + "\", \"symbol\": \"BTCUSD\", \"action\": \"close\", \"position_size\": 150, \"comment\": \"ignored\"}";

        APIGatewayV2HTTPResponse response = send(unsigned(body));

        JsonNode answer = accepted(response);
        assertThat(answer.path("symbol").asText()).isEqualTo("BTC-USD");
        assertThat(answer.path("action").asText()).isEqualTo("exit");
        List<Signal> onQueue = queued(id);
        assertThat(onQueue).hasSize(1);
        assertThat(onQueue.get(0).action()).isEqualTo(SignalAction.EXIT);
        assertThat(onQueue.get(0).symbol()).isEqualTo("BTC-USD");
        assertThat(onQueue.get(0).quantityType()).isEqualTo(QuantityType.USD);
        assertThat(onQueue.get(0).quantity()).isEqualByComparingTo(new BigDecimal("150"));
    }

    /** A signed algo-desk signal with this id and these further fields (a JSON object's inside). */
    private static String trend(String signalId, String fields) {
        return "{\"signalId\": \"" + signalId + "\", \"strategy\": \"trend\", " + fields + "}";
    }

    static Stream<Arguments> refusedByRule() {
        return Stream.of(
                Arguments.of("a buy's stop-loss as a negative percentage", "stopLoss",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"stopLoss\": \"-5%\""),
                Arguments.of("a buy's stop-loss of 100% or more below", "stopLoss",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"stopLoss\": {\"percent\": 100}"),
                Arguments.of("a buy's stop-loss above its price", "stopLoss",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"price\": \"100\", \"stopLoss\": \"105\""),
                Arguments.of("a buy's take-profit below its price", "takeProfit",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"price\": 100, \"takeProfit\": 95"),
                Arguments.of("a limit buy's stop-loss above its limit", "stopLoss",
                        "\"symbol\": \"ETH-USD\", \"action\": \"buy\", \"orderType\": \"limit\", \"limitPrice\": \"100\","
                                + " \"stopLoss\": {\"price\": \"101\"}"),
                Arguments.of("a buy's take-profit below its own stop-loss", "takeProfit",
                        "\"symbol\": \"ETH-USD\", \"action\": \"buy\", \"stopLoss\": \"90\", \"takeProfit\": \"85\""),
                Arguments.of("a sell's stop-loss below its price", "stopLoss",
                        "\"symbol\": \"ETH-USD\", \"action\": \"sell\", \"price\": \"100\", \"stopLoss\": \"95\""),
                Arguments.of("a sell's take-profit above its price", "takeProfit",
                        "\"symbol\": \"ETH-USD\", \"action\": \"sell\", \"price\": \"100\", \"takeProfit\": \"105\""),
                Arguments.of("a stop-loss that is not a number", "stopLoss",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"stopLoss\": \"abc\""),
                Arguments.of("a stop-loss that is an empty object", "stopLoss",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"stopLoss\": {}"),
                Arguments.of("a stop-loss that is a list", "stopLoss",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"stopLoss\": [1]"),
                Arguments.of("a quantity with a huge exponent", "quantity",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"quantityType\": \"usd\", \"quantity\": \"1e999999999\""),
                Arguments.of("a quantity with a huge exponent as a JSON number", "quantity",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"quantityType\": \"usd\", \"quantity\": 1e999999999"),
                Arguments.of("a quantity with a tiny exponent", "quantity",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"quantityType\": \"quantity\", \"quantity\": \"1e-999999999\""),
                Arguments.of("a take-profit percentage with a huge exponent", "takeProfit",
                        "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"takeProfit\": \"1e999999999%\""),
                Arguments.of("a market NIJA does not trade", "symbol",
                        "\"symbol\": \"FOO-BAR\", \"action\": \"buy\""),
                Arguments.of("the action short, which is not an alias", "action",
                        "\"symbol\": \"BTC-USD\", \"action\": \"short\""),
                Arguments.of("the action long, which is not an alias", "action",
                        "\"symbol\": \"BTC-USD\", \"action\": \"long\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByRule")
    @DisplayName("a signal with a broken number, a level on the wrong side or an unknown market gets 422 naming the field; nothing is recorded")
    void refusedByRule(String why, String field, String fields) {
        String id = newId();

        APIGatewayV2HTTPResponse response = send(signed(trend(id, fields)));

        JsonNode problem = problem(response, 422, "rule-violation");
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        assertThat(problem.toString()).doesNotContain("BigDecimal", "Exception", "Jackson", "java.");
        assertThat(recorded(id)).isNull();
        assertThat(queued(id)).isEmpty();
    }

    private static final String BUY_AT_100 = "\"symbol\": \"BTC-USD\", \"action\": \"buy\", \"price\": \"100\", \"stopLoss\": \"99\", ";

    static Stream<Arguments> exitPlansRefused() {
        return Stream.of(
                Arguments.of("fractions adding up to less than 1", "exits.targets",
                        "\"exits\": {\"targets\": [{\"price\": 101, \"fraction\": 0.5}, {\"price\": 102, \"fraction\": 0.4}]}"),
                Arguments.of("a fraction above 1", "exits.targets[0].fraction",
                        "\"exits\": {\"targets\": [{\"price\": 101, \"fraction\": 1.5}]}"),
                Arguments.of("a target without a fraction", "exits.targets[1].fraction",
                        "\"exits\": {\"targets\": [{\"price\": 101, \"fraction\": 0.5}, {\"price\": 102}]}"),
                Arguments.of("a target with both a price and a percentage", "exits.targets[0]",
                        "\"exits\": {\"targets\": [{\"price\": 101, \"percent\": 1, \"fraction\": 1}]}"),
                Arguments.of("targets out of order", "exits.targets[1]",
                        "\"exits\": {\"targets\": [{\"price\": 102, \"fraction\": 0.5}, {\"price\": 101, \"fraction\": 0.5}]}"),
                Arguments.of("a buy's first target below its price", "exits.targets[0].price",
                        "\"exits\": {\"targets\": [{\"price\": 99.5, \"fraction\": 0.5}, {\"price\": 101, \"fraction\": 0.5}]}"),
                Arguments.of("prices mixed with percentages", "exits.targets",
                        "\"exits\": {\"targets\": [{\"price\": 101, \"fraction\": 0.5}, {\"percent\": 3, \"fraction\": 0.5}]}"),
                Arguments.of("eleven targets", "exits.targets",
                        "\"exits\": {\"targets\": [" + "{\"percent\": 1, \"fraction\": 0.1},".repeat(10)
                                + "{\"percent\": 2, \"fraction\": 0}]}"),
                Arguments.of("breakeven after the last target", "exits.breakevenAfter",
                        "\"exits\": {\"targets\": [{\"price\": 101, \"fraction\": 0.5}, {\"price\": 102, \"fraction\": 0.5}], \"breakevenAfter\": 2}"),
                Arguments.of("breakeven without targets", "exits.breakevenAfter",
                        "\"exits\": {\"breakevenAfter\": 1, \"trailing\": {\"percent\": 1}}"),
                Arguments.of("a trailing stop with both a percentage and a distance", "exits.trailing",
                        "\"exits\": {\"trailing\": {\"percent\": 1, \"distance\": 2}}"),
                Arguments.of("a trailing percentage of 100", "exits.trailing.percent",
                        "\"exits\": {\"trailing\": {\"percent\": 100}}"),
                Arguments.of("a trailing stop after a target there is not", "exits.trailing.after",
                        "\"exits\": {\"targets\": [{\"price\": 101, \"fraction\": 1}], \"trailing\": {\"distance\": 0.5, \"after\": 1}}"),
                Arguments.of("a take-profit beside a ladder", "takeProfit",
                        "\"takeProfit\": 110, \"exits\": {\"targets\": [{\"price\": 101, \"fraction\": 1}]}"),
                Arguments.of("an explanation that is not an object", "explanation", "\"explanation\": \"because\""),
                Arguments.of("an explanation over 4096 characters", "explanation",
                        "\"explanation\": {\"note\": \"" + "x".repeat(4100) + "\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exitPlansRefused")
    @DisplayName("a signal whose exit plan or explanation breaks a rule gets 422 naming the field and rule; nothing is recorded or queued")
    void exitPlanRefused(String why, String field, String fields) {
        String id = newId();

        APIGatewayV2HTTPResponse response = send(signed(trend(id, BUY_AT_100 + fields)));

        JsonNode problem = problem(response, 422, "rule-violation");
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        assertThat(recorded(id)).isNull();
        assertThat(queued(id)).isEmpty();
    }

    @Test
    @DisplayName("an exit on a close signal is refused: only a buy or sell that opens carries exits")
    void exitPlanOnExitRefused() {
        String id = newId();

        APIGatewayV2HTTPResponse response = send(signed(trend(id, "\"symbol\": \"BTC-USD\", \"action\": \"exit\", "
                + "\"exits\": {\"trailing\": {\"percent\": 1}}")));

        JsonNode problem = problem(response, 422, "rule-violation");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("exits");
        assertThat(recorded(id)).isNull();
    }

    @Test
    @DisplayName("a ladder with breakeven and a trailing stop, and an explanation, are accepted and queued with the signal")
    void exitPlanAccepted() {
        String id = newId();

        accepted(send(signed(trend(id, BUY_AT_100 + "\"exits\": {\"targets\": [{\"percent\": 1.5, \"fraction\": \"0.33\"},"
                + " {\"percent\": 2.5, \"fraction\": 0.33}, {\"percent\": 4, \"fraction\": 0.34}], \"breakevenAfter\": 1,"
                + " \"trailing\": {\"distance\": \"0.6\", \"after\": 2}}, \"explanation\": {\"conditions\": {\"rsi\": true}}"))));

        Signal signal = queued(id).get(0);
        assertThat(signal.exits().ladder()).extracting(r -> r.percent().toPlainString()).containsExactly("1.5", "2.5", "4");
        assertThat(signal.exits().breakevenAfter()).isEqualTo(1);
        assertThat(signal.exits().trailing().distance()).isEqualByComparingTo("0.6");
        assertThat(signal.exits().trailing().after()).isEqualTo(2);
        assertThat(signal.explanation()).isEqualTo("{\"conditions\":{\"rsi\":true}}");
    }

    static Stream<Arguments> levelsOnTheirSide() {
        return Stream.of(
                Arguments.of("a buy: stop below, target above its price", "buy", "\"price\": \"100\", \"stopLoss\": \"95\", \"takeProfit\": \"110\""),
                Arguments.of("a sell: stop above, target below its price", "sell", "\"price\": \"100\", \"stopLoss\": \"105\", \"takeProfit\": \"90\""),
                Arguments.of("a sell: a stop more than 100% above", "sell", "\"stopLoss\": \"150%\", \"takeProfit\": \"5%\""),
                Arguments.of("a buy: percentages", "buy", "\"stopLoss\": {\"percent\": \"2.5\"}, \"takeProfit\": \"4%\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levelsOnTheirSide")
    @DisplayName("stops and targets on their side of the entry are accepted")
    void levelsOnTheirSideAccepted(String why, String action, String levels) {
        String id = newId();

        APIGatewayV2HTTPResponse response = send(signed(trend(id, "\"symbol\": \"SOL-USD\", \"action\": \"" + action
                + "\", " + levels)));

        accepted(response);
        assertThat(queued(id)).hasSize(1);
    }

    @Test
    @DisplayName("a venue's own name of a listed market (Kraken's XBTUSD) is that market")
    void venueSymbolAccepted() {
        String id = newId();

        APIGatewayV2HTTPResponse response = send(signed(trend(id, "\"symbol\": \"XBTUSD\", \"action\": \"buy\"")));

        assertThat(accepted(response).path("symbol").asText()).isEqualTo("BTC-USD");
        assertThat(queued(id)).singleElement().satisfies(s -> assertThat(s.symbol()).isEqualTo("BTC-USD"));
    }
}
