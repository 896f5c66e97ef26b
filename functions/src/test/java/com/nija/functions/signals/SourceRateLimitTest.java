package com.nija.functions.signals;

import static com.nija.functions.support.ApiResponses.header;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.functions.support.TestSignals;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.SignalItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.market.PriceBook;
import com.nija.shared.signals.SignalIntakeService;
import com.nija.shared.signals.SourceRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Per-source limits on {@code POST /api/v1/signals} and {@code POST /internal/prices}, as a sender sees them: the
 * {@code X-RateLimit-*} headers on what is accepted, a 429 problem with {@code Retry-After} beyond the limit with
 * nothing of the request done, service again once the clock has moved on, and no source limited by another's flood.
 * A clock of this class's own (inline fan-out off, so accepted signals wait on the fan-out queue).
 */
class SourceRateLimitTest {
    private static final String SECRET = "rate-limit-test-secret-41c7";
    private static final MutableClock CLOCK = new MutableClock(PlatformClock.system().instant());
    private static final LocalBackends backends = LocalBackends.get();
    private static final ApplicationContext CONTEXT =
            backends.newContext(Map.of("nija.inline-fanout-max", "0"), CLOCK);

    private final SignalIntakeHandler intake = new SignalIntakeHandler(CONTEXT);
    private final PriceIngestHandler ingest = new PriceIngestHandler(CONTEXT);
    private final SourceRegistry sources = CONTEXT.getBean(SourceRegistry.class);

    @BeforeAll
    static void emptyQueue() {
        backends.queues().takeSignals(); // whatever earlier classes left behind
    }

    @AfterAll
    static void closeContext() {
        CONTEXT.close();
    }

    /** A new source of {@code kind} limited to {@code perMinute} requests a minute (null: the default). */
    private String source(String kind, Integer perMinute) {
        String id = "rl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sources.register(id, kind, SECRET, List.of("*"), perMinute, CLOCK.instant());
        return id;
    }

    private APIGatewayV2HTTPResponse signal(String source, String signalId, String secret) {
        String body = "{\"signalId\": \"" + signalId + "\", \"symbol\": \"BTC-USD\", \"action\": \"buy\"}";
        return intake.handleRequest(Events.signed(Events.http("api/signal-intake.json"), source, secret, body,
                CLOCK.instant()), null);
    }

    private APIGatewayV2HTTPResponse signal(String source) {
        return signal(source, "sig-" + UUID.randomUUID(), SECRET);
    }

    private APIGatewayV2HTTPResponse price(String feed, String symbol, String price) {
        String body = "{\"prices\": [{\"symbol\": \"" + symbol + "\", \"price\": \"" + price + "\"}]}";
        APIGatewayV2HTTPEvent event = Events.signed(Events.http("api/price-ingest.json"), feed, SECRET, body,
                CLOCK.instant());
        return ingest.handleRequest(event, null);
    }

    private List<Integer> statuses(int n, String source) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(signal(source).getStatusCode());
        return out;
    }

    private SignalItem recorded(String signalId) {
        return CONTEXT.getBean(TradingTables.class).signals().getItem(r -> r.key(Key.builder()
                .partitionValue(Keys.signal(signalId)).sortValue("SIGNAL").build()).consistentRead(true));
    }

    private static List<String> queuedIds() {
        return backends.queues().takeSignals().stream().map(Message::body).map(OrderMessages::readSignal)
                .map(s -> s.signalId()).toList();
    }

    @Test
    @DisplayName("accepted signals carry the source's limit, what remains and when it is whole again; the one past the "
            + "limit gets 429 naming the source, with Retry-After, and is neither recorded nor queued")
    void signalPastTheLimit() {
        String source = source("SIGNALS", 3);
        double refusedBefore = backends.metrics().total("Refused{type=source-rate-limit}");
        List<APIGatewayV2HTTPResponse> accepted = List.of(signal(source), signal(source), signal(source));
        queuedIds();
        String refusedId = "sig-" + UUID.randomUUID();

        APIGatewayV2HTTPResponse refused = signal(source, refusedId, SECRET);

        assertThat(accepted).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(202);
        assertThat(accepted).extracting(r -> header(r, "X-RateLimit-Limit")).containsOnly("3");
        assertThat(accepted).extracting(r -> header(r, "X-RateLimit-Remaining")).containsExactly("2", "1", "0");
        assertThat(accepted).extracting(r -> header(r, "X-RateLimit-Reset")).containsExactly("20", "40", "60");
        JsonNode problem = problem(refused, 429, "source-rate-limit");
        assertThat(problem.path("detail").asText()).contains("source " + source).contains("3 requests a minute");
        assertThat(header(refused, "Retry-After")).isEqualTo("20");
        assertThat(header(refused, "X-RateLimit-Limit")).isEqualTo("3");
        assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(recorded(refusedId)).isNull();
        assertThat(queuedIds()).doesNotContain(refusedId);
        assertThat(backends.metrics().total("Refused{type=source-rate-limit}")).isEqualTo(refusedBefore + 1);
    }

    @Test
    @DisplayName("once Retry-After has passed by the clock the source is served again, one request per refill")
    void servedAgainAfterRetryAfter() {
        String source = source("SIGNALS", 3);
        statuses(3, source);
        APIGatewayV2HTTPResponse refused = signal(source);
        long wait = Long.parseLong(header(refused, "Retry-After"));

        CLOCK.advance(Duration.ofSeconds(wait).minusMillis(1));
        int early = signal(source).getStatusCode();
        CLOCK.advance(Duration.ofMillis(1));
        APIGatewayV2HTTPResponse onTime = signal(source);

        assertThat(early).isEqualTo(429);
        assertThat(onTime.getStatusCode()).isEqualTo(202);
        assertThat(header(onTime, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(signal(source).getStatusCode()).isEqualTo(429);
    }

    @Test
    @DisplayName("one source's flood leaves every other source its whole limit; a source without its own limit has "
            + "the documented default of 1,000 a minute")
    void floodDoesNotLimitOthers() {
        String flooding = source("SIGNALS", 3);
        String other = source("SIGNALS", 3);
        String defaulted = source("SIGNALS", null);

        List<Integer> flood = statuses(20, flooding);
        APIGatewayV2HTTPResponse fromOther = signal(other);
        APIGatewayV2HTTPResponse fromDefaulted = signal(defaulted);

        assertThat(flood.subList(0, 3)).containsOnly(202);
        assertThat(flood.subList(3, 20)).containsOnly(429);
        assertThat(fromOther.getStatusCode()).isEqualTo(202);
        assertThat(header(fromOther, "X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(fromDefaulted.getStatusCode()).isEqualTo(202);
        assertThat(header(fromDefaulted, "X-RateLimit-Limit")).isEqualTo("1000");
        assertThat(header(fromDefaulted, "X-RateLimit-Remaining")).isEqualTo("999");
    }

    @Test
    @DisplayName("requests naming a source that fail authentication get 401 and spend none of its allowance")
    void forgedRequestsSpendNothing() {
        String source = source("SIGNALS", 3);

        List<APIGatewayV2HTTPResponse> forged = new ArrayList<>();
        for (int i = 0; i < 10; i++) forged.add(signal(source, "sig-" + UUID.randomUUID(), "not-the-secret"));
        List<APIGatewayV2HTTPResponse> genuine = List.of(signal(source), signal(source), signal(source));

        forged.forEach(r -> problem(r, 401, "unauthorized"));
        assertThat(forged).extracting(r -> header(r, "X-RateLimit-Limit")).containsOnlyNulls();
        assertThat(genuine).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(202);
        assertThat(genuine).extracting(r -> header(r, "X-RateLimit-Remaining")).containsExactly("2", "1", "0");
    }

    @Test
    @DisplayName("the platform's own strategy signals under its source without spending its HTTP allowance: past the "
            + "limit every one is accepted, and a sender over HTTP with that source still has its whole limit")
    void platformSignalsAreNotLimited() {
        String source = source("SIGNALS", 2);
        SignalIntakeService service = CONTEXT.getBean(SignalIntakeService.class);

        List<SignalIntakeService.Outcome> platform = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            platform.add(service.acceptFromPlatform(source, "{\"signalId\": \"sig-" + UUID.randomUUID()
                    + "\", \"symbol\": \"BTC-USD\", \"action\": \"buy\"}"));
        }
        List<APIGatewayV2HTTPResponse> overHttp = List.of(signal(source), signal(source), signal(source));

        assertThat(platform).extracting(SignalIntakeService.Outcome::duplicate).containsOnly(false);
        assertThat(platform).extracting(o -> o.body().get("status")).containsOnly("accepted");
        assertThat(overHttp).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(202, 202, 429);
        assertThat(header(overHttp.get(0), "X-RateLimit-Remaining")).isEqualTo("1");
    }

    @Test
    @DisplayName("a price feed past its limit gets 429 naming the feed and its price is not taken; another feed is served")
    void priceFeedPastTheLimit() {
        String feed = source("PRICES", 2);
        String otherFeed = source("PRICES", 2);
        String symbol = TestSignals.uniqueSymbol();
        List<APIGatewayV2HTTPResponse> accepted = List.of(price(feed, symbol, "100"), price(feed, symbol, "101"));

        APIGatewayV2HTTPResponse refused = price(feed, symbol, "90");
        APIGatewayV2HTTPResponse fromOther = price(otherFeed, TestSignals.uniqueSymbol(), "5");

        assertThat(accepted).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(200);
        assertThat(accepted).extracting(r -> header(r, "X-RateLimit-Limit")).containsOnly("2");
        assertThat(accepted).extracting(r -> header(r, "X-RateLimit-Remaining")).containsExactly("1", "0");
        JsonNode problem = problem(refused, 429, "source-rate-limit");
        assertThat(problem.path("detail").asText()).contains("source " + feed);
        assertThat(header(refused, "Retry-After")).isEqualTo("30");
        assertThat(CONTEXT.getBean(PriceBook.class).latest(symbol)).hasValueSatisfying(p ->
                assertThat(p).isEqualByComparingTo("101"));
        assertThat(fromOther.getStatusCode()).isEqualTo(200);
        assertThat(header(fromOther, "X-RateLimit-Remaining")).isEqualTo("1");
    }
}
