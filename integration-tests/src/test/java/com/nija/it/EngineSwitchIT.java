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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine-role switch of the README's runbook ("Regions"), from us-east-1 to us-west-2: demote the old engine
 * first (it forwards from then on, and during the hand-over the two regions bounce trading writes with a retryable
 * 503 instead of both accepting them), let its queues drain, then promote the new one. After it, us-west-2 trades and
 * us-east-1 forwards, and the position opened before the switch is closed once in the new engine.
 */
@PlatformTest
@DisplayName("The engine role moves from one region to the other")
class EngineSwitchIT {
    private static final String DOT = "DOT-USD";

    private final TwoRegions regions;

    EngineSwitchIT(ApiTarget shared) {
        regions = TwoRegions.start(shared, EAST);
    }

    @AfterEach
    void stop() {
        regions.close();
    }

    @Test
    @DisplayName("after demote, drain and promote, us-west-2 runs every trading write, us-east-1 forwards to it, and "
            + "mid hand-over both regions refuse with 503 and write nothing")
    void switchEngineWest() {
        SignalSource east = SignalSource.register(regions.platform(EAST), regions.api(EAST));
        SignalSource west = east.via(regions.api(WEST));
        Trader atEast = regions.newTrader(EAST, "engine switch");
        Trader atWest = atEast.via(regions.api(WEST));
        atEast.follow(east, Map.of("allowedSymbols", List.of(DOT)));
        east.price(DOT, "6.00");
        assertThat(west.send(SignalSource.signal("buy", DOT)).expect(202).header("X-Nija-Engine-Region"))
                .contains(EAST);
        // Drain: the old engine's queues hold nothing once every accepted signal has become an order.
        String before = atEast.awaitPositions("the buy before the switch", "open", p -> p.size() == 1).get(0)
                .path("positionId").asText();

        regions.restart(EAST, WEST);

        for (SignalSource via : List.of(east, west)) {
            JsonNode refused = via.send(SignalSource.signal("buy", DOT)).problem(503);
            assertThat(refused.path("type").asText()).endsWith("/engine-region-elsewhere");
        }
        ApiResponse handOver = atWest.closePosition(before);
        handOver.problem(503);
        assertThat(handOver.header("Retry-After")).isPresent();
        assertThat(atEast.positions("open")).hasSize(1);

        regions.restart(WEST, WEST);

        ApiResponse close = atEast.closePosition(before);
        assertThat(close.ok().path("positionId").asText()).isEqualTo(before);
        assertThat(close.header("X-Nija-Engine-Region")).contains(WEST);
        atWest.closePosition(before).problem(409);
        east.price(DOT, "6.10");
        ApiResponse buy = east.send(SignalSource.signal("buy", DOT)).expect(202);
        assertThat(buy.header("X-Nija-Engine-Region")).contains(WEST);
        List<JsonNode> open = atWest.awaitPositions("the buy after the switch", "open", p -> p.size() == 1);
        assertThat(open.get(0).path("positionId").asText()).isNotEqualTo(before);
        assertThat(atEast.positions("closed")).extracting(p -> p.path("positionId").asText()).containsExactly(before);
        assertThat(atEast.orders(null)).hasSize(3);
    }
}
