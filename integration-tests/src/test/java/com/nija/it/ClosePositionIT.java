package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.ApiResponse;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/trading/close-position}: at market, once, and only the owner's. */
@PlatformTest
@DisplayName("A trader closes a position")
class ClosePositionIT {
    private static final String DOT = "DOT-USD";

    private final ApiTarget target;
    private final SignalSource source;

    ClosePositionIT(ApiTarget target) {
        this.target = target;
        this.source = SignalSource.register(target, "a close-position test");
    }

    @Test
    @DisplayName("two close requests at the same moment close the position once: one 200 with the filled order, "
            + "one 409")
    void concurrentClosesCloseOnce() throws Exception {
        Trader trader = follower();
        String positionId = openPosition(trader);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        List<CompletableFuture<ApiResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return trader.closePosition(positionId);
                }, clicks));
            }

            start.countDown();

            List<ApiResponse> responses = new ArrayList<>();
            for (CompletableFuture<ApiResponse> a : answers) responses.add(a.get(30, TimeUnit.SECONDS));
            responses.sort(Comparator.comparingInt(ApiResponse::status));
            JsonNode order = responses.get(0).ok();
            responses.get(1).problem(409);
            assertThat(order.path("status").asText()).isEqualTo("FILLED");
            assertThat(order.path("intent").asText()).isEqualTo("CLOSE");
            assertThat(order.path("positionId").asText()).isEqualTo(positionId);
            assertThat(order.path("strategy").asText()).isEqualTo("manual");
        } finally {
            clicks.shutdownNow();
        }
        assertThat(trader.positions("open")).isEmpty();
        assertThat(trader.positions("closed")).hasSize(1);
        assertThat(trader.orders("filled").stream().filter(o -> "CLOSE".equals(o.path("intent").asText())))
                .hasSize(1);
        List<JsonNode> trades = trader.trades();
        assertThat(trades).hasSize(2);
        assertThat(trades.stream().filter(t -> t.hasNonNull("realizedPnl"))).hasSize(1);
        assertThat(trader.performance("all").path("closedTrades").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("another trader's position id gives 404 and leaves it open; its owner can close it, once")
    void othersPositionIsNotFound() {
        Trader owner = follower();
        Trader other = Trader.fresh(target, "close position");
        String positionId = openPosition(owner);

        other.closePosition(positionId).problem(404);

        assertThat(owner.positions("open")).extracting(p -> p.path("positionId").asText()).containsExactly(positionId);
        assertThat(other.orders(null)).isEmpty();
        owner.closePosition(positionId).ok();
        owner.closePosition(positionId).problem(409);
        other.closePosition(positionId).problem(404);
    }

    @Test
    @DisplayName("a position id nobody has gives 404; no position id gives 400")
    void unknownOrMissingPositionId() {
        Trader trader = Trader.fresh(target, "close position");

        trader.closePosition("no-such-position-" + UUID.randomUUID()).problem(404);
        trader.closePosition("").problem(400);
    }

    private Trader follower() {
        Trader trader = Trader.fresh(target, "close position");
        trader.follow(source, Map.of("allowedSymbols", List.of(DOT)));
        return trader;
    }

    private String openPosition(Trader trader) {
        source.price(DOT, "6.00");
        Map<String, Object> buy = new LinkedHashMap<>();
        buy.put("signalId", "it-buy-" + UUID.randomUUID());
        buy.put("symbol", DOT);
        buy.put("action", "buy");
        source.send(buy).expect(202);
        return trader.awaitPositions("the buy to open a position", "open", p -> p.size() == 1).get(0)
                .path("positionId").asText();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
