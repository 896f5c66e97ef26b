package com.nija.functions.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.market.PriceBook;
import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleBuckets;
import com.nija.shared.marketdata.CandleInterval;
import com.nija.shared.marketdata.CandleRepository;
import com.nija.shared.marketdata.SyntheticCandles;
import com.nija.shared.order.OrderTrigger;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The scheduled candle ingest on dynalite, with Coinbase's public candle endpoint stubbed in its documented shape
 * (Advanced Trade REST API, Public: "Get Public Product Candles"): closed candles of each configured market stored per
 * interval, the latest 1m close handed to the stop-loss path, nothing asked again once stored, and 429s backed off.
 */
class IngestCandlesHandlerTest {
    private static final List<String> MARKETS = List.of("BTC-USD", "ETH-USD", "SOL-USD");
    private final LocalBackends backends = LocalBackends.get();
    private static final java.util.concurrent.atomic.AtomicInteger TESTS = new java.util.concurrent.atomic.AtomicInteger();
    /** An hour boundary days past other tests' candles (and each test's own), so the stored days are this test's. */
    private final Instant hour = PlatformClock.system().instant().truncatedTo(ChronoUnit.HOURS)
            .plus(Duration.ofDays(9L + 4L * TESTS.getAndIncrement()));
    private final MutableClock clock = new MutableClock(hour.plusSeconds(4));
    private final WireMockServer coinbase = new WireMockServer(options().dynamicPort());
    private final Map<String, List<Candle>> minutes = new java.util.HashMap<>();
    private ApplicationContext context;
    private IngestCandlesHandler handler;

    private void start() {
        coinbase.start();
        for (String symbol : MARKETS) {
            SyntheticCandles.Market market = SyntheticCandles.DEMO_MARKETS.stream()
                    .filter(m -> m.symbol().equals(symbol)).findFirst().orElseThrow();
            // Three days up to the hour plus a few minutes of the next, so later runs find newer candles.
            Instant first = hour.minus(Duration.ofDays(3));
            List<Candle> bars = SyntheticCandles.oneMinute(market, first, 3 * 24 * 60 + 10, 11);
            minutes.put(symbol, bars);
            stub(symbol, "ONE_MINUTE", bars);
            stub(symbol, "FIVE_MINUTE", CandleBuckets.aggregate(bars, CandleInterval.ONE_MINUTE,
                    CandleInterval.FIVE_MINUTES));
            stub(symbol, "ONE_HOUR", CandleBuckets.aggregate(bars, CandleInterval.ONE_MINUTE, CandleInterval.ONE_HOUR));
        }
        context = backends.newContext(Map.of("nija.market-data.base-url", coinbase.baseUrl()), clock);
        handler = new IngestCandlesHandler(context);
    }

    @AfterEach
    void stop() {
        if (context != null) context.close();
        coinbase.stop();
    }

    /** The venue's answer: every bar of the stub's range, newest first as Coinbase sends them (the reader filters). */
    private void stub(String symbol, String granularity, List<Candle> bars) {
        StringBuilder body = new StringBuilder("{\"candles\":[");
        for (int i = bars.size() - 1; i >= 0; i--) {
            Candle c = bars.get(i);
            body.append(i == bars.size() - 1 ? "" : ",").append("{\"start\":\"").append(c.openTime().getEpochSecond())
                    .append("\",\"low\":\"").append(c.low()).append("\",\"high\":\"").append(c.high())
                    .append("\",\"open\":\"").append(c.open()).append("\",\"close\":\"").append(c.close())
                    .append("\",\"volume\":\"").append(c.volume()).append("\"}");
        }
        coinbase.stubFor(get(urlPathEqualTo("/api/v3/brokerage/market/products/" + symbol + "/candles"))
                .withQueryParam("granularity", equalTo(granularity))
                .willReturn(aResponse().withStatus(200).withBody(body.append("]}").toString())));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run() {
        return handler.handleRequest(Events.scheduled("scheduled/ingest-candles.json"), null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> market(Map<String, Object> result, String symbol) {
        return (Map<String, Object>) ((Map<String, Object>) result.get("markets")).get(symbol);
    }

    @Test
    @DisplayName("the first run stores each market's warm-up history per interval and publishes its latest 1m close")
    void firstRunBackfills() {
        start();

        Map<String, Object> result = run();

        assertThat(market(result, "BTC-USD")).containsEntry("outcome", "stored")
                .containsEntry("stored", Map.of("1m", 60, "5m", 200, "1h", 48));
        assertThat(result).containsEntry("prices", 3);
        CandleRepository stored = context.getBean(CandleRepository.class);
        List<Candle> fives = stored.latest("ETH-USD", CandleInterval.FIVE_MINUTES, 500, hour);
        assertThat(fives).hasSize(200);
        assertThat(fives.get(fives.size() - 1).openTime()).isEqualTo(hour.minus(Duration.ofMinutes(5)));
        Candle lastMinute = minutes.get("SOL-USD").get(3 * 24 * 60 - 1);
        assertThat(lastMinute.openTime()).isEqualTo(hour.minus(Duration.ofMinutes(1)));
        assertThat(context.getBean(PriceBook.class).latest("SOL-USD")).hasValueSatisfying(
                p -> assertThat(p).isEqualByComparingTo(lastMinute.close()));
    }

    @Test
    @DisplayName("a run with nothing newly closed asks the venue nothing; the next minute fetches only its new 1m candle")
    void onlyNewCandlesAreAsked() {
        start();
        run();
        int afterFirst = coinbase.findAll(getRequestedFor(urlPathMatching(".*"))).size();

        Map<String, Object> again = run();
        int afterSecond = coinbase.findAll(getRequestedFor(urlPathMatching(".*"))).size();
        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> nextMinute = run();

        assertThat(afterFirst).isEqualTo(MARKETS.size() * 3);
        assertThat(afterSecond).isEqualTo(afterFirst);
        assertThat(market(again, "BTC-USD")).containsEntry("stored", Map.of("1m", 0, "5m", 0, "1h", 0));
        assertThat(again).containsEntry("prices", 0);
        assertThat(market(nextMinute, "BTC-USD")).containsEntry("stored", Map.of("1m", 1, "5m", 0, "1h", 0));
        assertThat(coinbase.findAll(getRequestedFor(urlPathMatching(".*"))).size())
                .isEqualTo(afterSecond + MARKETS.size());
    }

    @Test
    @DisplayName("an ingested price below an open long's stop-loss queues that position's close, with no HTTP hop")
    void latestPriceReachesStops() {
        start();
        String symbol = "SOL-USD";
        OrderExecutorHandler executor = new OrderExecutorHandler(backends.context());
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "1000");
        OrderRequest buy = TestSignals.buy(symbol).usd("200").stopLossAt("900").forTrader(trader.userId());
        executor.handleRequest(SqsEvents.order(buy), null);
        backends.queues().takeOrdersOf(trader.userId());

        run();
        List<Message> queued = new ArrayList<>(backends.queues().takeOrdersOf(trader.userId()));

        assertThat(queued).hasSize(1);
        assertThat(OrderMessages.readOrder(queued.get(0).body()).trigger()).isEqualTo(OrderTrigger.STOP_LOSS);
    }

    @Test
    @DisplayName("a venue answering 429 is waited out per Retry-After, and a market it keeps refusing is skipped, not the run")
    void rateLimitedMarketIsSkipped() {
        start();
        coinbase.stubFor(get(urlPathEqualTo("/api/v3/brokerage/market/products/ETH-USD/candles"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        Map<String, Object> result = run();

        assertThat(market(result, "BTC-USD")).containsEntry("outcome", "stored");
        assertThat(market(result, "ETH-USD")).containsEntry("outcome", "rate-limited");
        assertThat(market(result, "SOL-USD")).containsEntry("outcome", "skipped-rate-limited");
        assertThat(result).containsEntry("prices", 1);
    }
}
