package com.nija.it;

import static com.nija.it.support.TwoRegions.EAST;
import static com.nija.it.support.TwoRegions.WEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import com.nija.it.support.TwoRegions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two regions serving traffic at once over one replicated table (README "Regions"): us-east-1 is the engine region,
 * us-west-2 forwards every trading write to it. The same signal, close or crossing price sent to both regions at the
 * same moment places one order, closes once, and loses no close. One table with zero replication lag is the case
 * in which two writing regions would be caught by conditional writes anyway; what this shows is that us-west-2 never
 * writes: every answer to a trading write names us-east-1 as the region that ran it.
 */
@PlatformTest
@DisplayName("Two regions serve traffic; one of them trades")
class TwoRegionsIT {
    private static final String DOT = "DOT-USD";
    private static final String AVAX = "AVAX-USD";

    private static TwoRegions regions;
    /** One source per test, signing the same requests to either region. */
    private final SignalSource east;
    private final SignalSource west;

    TwoRegionsIT() {
        east = SignalSource.register(regions.platform(EAST), regions.api(EAST));
        west = east.via(regions.api(WEST));
    }

    @BeforeAll
    static void start(ApiTarget shared) {
        regions = TwoRegions.start(shared, EAST);
    }

    @AfterAll
    static void stop() {
        if (regions != null) regions.close();
    }

    @Test
    @DisplayName("one signal sent twice to each region at once is accepted once (202, the rest 200 with the same "
            + "answer), every follower gets exactly one order, and every answer comes from us-east-1")
    void signalToBothRegionsPlacesOneOrderPerFollower() throws Exception {
        List<Trader> followers = List.of(follower(WEST), follower(WEST), follower(EAST));
        west.price(DOT, "6.00");
        Map<String, Object> buy = SignalSource.signal("buy", DOT);

        List<ApiResponse> answers = atOnce(() -> east.send(buy), () -> west.send(buy), () -> east.send(buy),
                () -> west.send(buy));

        assertThat(answers).extracting(ApiResponse::status).containsExactlyInAnyOrder(202, 200, 200, 200);
        assertThat(answers).allSatisfy(a -> assertThat(a.header("X-Nija-Engine-Region")).contains(EAST));
        for (Trader trader : followers) {
            trader.awaitPositions("the buy to open a position", "open", p -> p.size() == 1);
            List<JsonNode> orders = trader.orders(null);
            assertThat(orders).hasSize(1);
            assertThat(orders.get(0).path("status").asText()).isEqualTo("FILLED");
            assertThat(trader.via(regions.api(EAST)).orders(null)).hasSize(1);
        }
    }

    @Test
    @DisplayName("close-position of one position at both regions at once: one 200 with the filled close, one 409; "
            + "the position is closed once, with one realized trade")
    void closeAtBothRegionsClosesOnce() throws Exception {
        Trader atWest = follower(WEST);
        Trader atEast = atWest.via(regions.api(EAST));
        String positionId = openPosition(atWest, DOT, "6.00", SignalSource.signal("buy", DOT));

        List<ApiResponse> answers = atOnce(() -> atEast.closePosition(positionId),
                () -> atWest.closePosition(positionId));

        answers.sort(Comparator.comparingInt(ApiResponse::status));
        JsonNode order = answers.get(0).ok();
        answers.get(1).problem(409);
        assertThat(answers).allSatisfy(a -> assertThat(a.header("X-Nija-Engine-Region")).contains(EAST));
        assertThat(order.path("intent").asText()).isEqualTo("CLOSE");
        assertThat(order.path("positionId").asText()).isEqualTo(positionId);
        for (Trader view : List.of(atEast, atWest)) {
            assertThat(view.positions("open")).isEmpty();
            assertThat(view.positions("closed")).extracting(p -> p.path("positionId").asText())
                    .containsExactly(positionId);
        }
        assertThat(atEast.orders(null).stream().filter(o -> "CLOSE".equals(o.path("intent").asText()))).hasSize(1);
        assertThat(atEast.trades().stream().filter(t -> t.hasNonNull("realizedPnl"))).hasSize(1);
    }

    @Test
    @DisplayName("a price crossing a stop-loss sent to both regions at once closes the position once, as the stop-loss")
    void stopCrossingAtBothRegionsClosesOnce() throws Exception {
        Trader trader = follower(EAST, Map.of("allowedSymbols", List.of(AVAX)));
        Map<String, Object> buy = SignalSource.signal("buy", AVAX);
        buy.put("stopLoss", "36.00");
        String positionId = openPosition(trader, AVAX, "40.00", buy);

        List<ApiResponse> answers = atOnce(() -> east.prices(Map.of(AVAX, new java.math.BigDecimal("35.00"))),
                () -> west.prices(Map.of(AVAX, new java.math.BigDecimal("35.00"))));

        assertThat(answers).allSatisfy(a -> {
            a.expect(200);
            assertThat(a.header("X-Nija-Engine-Region")).contains(EAST);
        });
        trader.awaitPositions("the stop-loss to close the position", "closed", p -> p.size() == 1);
        assertThat(trader.positions("open")).isEmpty();
        List<JsonNode> closes = trader.orders(null).stream()
                .filter(o -> "CLOSE".equals(o.path("intent").asText())).toList();
        assertThat(closes).hasSize(1);
        assertThat(closes.get(0).path("strategy").asText()).isEqualTo("stop-loss");
        assertThat(closes.get(0).path("positionId").asText()).isEqualTo(positionId);
        assertThat(trader.trades().stream().filter(t -> t.hasNonNull("realizedPnl"))).hasSize(1);
    }

    @Test
    @DisplayName("pause at us-west-2 runs in us-east-1, and a signal after it places no order for the paused trader")
    void pauseAtStandbyHoldsEverywhere() {
        Trader paused = follower(WEST);
        Trader active = follower(WEST);
        ApiResponse pause = regions.api(WEST).send("POST", "/api/v1/trading/pause", paused.token(),
                Map.of("Content-Type", "application/json"), "{}");
        assertThat(pause.ok().path("botState").asText()).isEqualTo("paused");
        assertThat(pause.header("X-Nija-Engine-Region")).contains(EAST);
        east.price(DOT, "6.00");

        west.send(SignalSource.signal("buy", DOT)).expect(202);

        active.awaitOrders("the buy to fill", "filled", o -> o.size() == 1);
        assertThat(paused.orders("filled")).isEmpty();
    }

    private Trader follower(String region) {
        return follower(region, Map.of("allowedSymbols", List.of(DOT)));
    }

    private Trader follower(String region, Map<String, ?> settings) {
        Trader trader = regions.newTrader(region, "two regions");
        trader.follow(east, settings);
        return trader;
    }

    private String openPosition(Trader trader, String symbol, String price, Map<String, Object> buy) {
        east.price(symbol, price);
        west.send(buy).expect(202);
        return trader.awaitPositions("the buy to open a position", "open", p -> p.size() == 1).get(0)
                .path("positionId").asText();
    }

    /** Runs every call at the same moment (released by one latch); returns the answers in call order. */
    @SafeVarargs
    static List<ApiResponse> atOnce(Supplier<ApiResponse>... calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<CompletableFuture<ApiResponse>> running = new ArrayList<>();
            for (Supplier<ApiResponse> call : calls) {
                running.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }, pool));
            }
            start.countDown();
            List<ApiResponse> answers = new ArrayList<>();
            for (CompletableFuture<ApiResponse> f : running) answers.add(f.get(60, TimeUnit.SECONDS));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
