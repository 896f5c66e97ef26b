package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.Await;
import com.nija.it.support.DedicatedPlatform;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.Trader;
import com.nija.local.demo.DemoReplay;
import com.nija.local.platform.LocalPlatform;
import com.nija.shared.marketdata.CandleRepository;
import com.nija.shared.signals.SignalIntakeService;
import com.nija.shared.strategy.ApexParameters;
import com.nija.shared.strategy.ApexScanService;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code up --demo} trading by itself: the committed candle files replayed at 60× through the scheduled candle ingest,
 * the scheduled APEX scan on their closes, its signals through the ordinary intake as {@code nija-apex}, and orders
 * for the demo trader, who follows it. A platform of its own: the replay moves its clock and its demo trader trades.
 */
@PlatformTest
@DisplayName("APEX on replayed candles")
class ApexReplayIT {
    private static final String APEX = ApexScanService.SOURCE;
    private static DedicatedPlatform replaying;
    private static Trader demo;

    @BeforeAll
    static void replay(ApiTarget shared) {
        Map<String, Object> overrides = new HashMap<>(DemoReplay.overrides(Path.of("..", "events", "market"), 60));
        // APEX may signal two markets in one replayed minute (a second of wall time); the order throttle's spacing is
        // a person's safeguard and is tested elsewhere.
        overrides.put("nija.throttle.enabled", false);
        replaying = DedicatedPlatform.start(shared, "APEX on replayed candles", overrides, true);
        LocalPlatform platform = replaying.platform();
        demo = new Trader(replaying.api(), LocalPlatform.DEMO_TRADER,
                platform.tokens().issue(LocalPlatform.DEMO_TRADER, List.of(), Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        if (replaying != null) replaying.close();
    }

    private static List<JsonNode> apexOrders() {
        return demo.orders(null).stream().filter(o -> APEX.equals(o.path("source").asText())).toList();
    }

    private static Instant close(JsonNode order) {
        String id = order.path("signalId").asText();
        return Instant.ofEpochSecond(Long.parseLong(id.substring(id.lastIndexOf(':') + 1)));
    }

    @Test
    @DisplayName("replayed candles make APEX signal through the intake, the demo trader gets its order, and a re-run of that close sends nothing twice")
    void apexTradesTheDemoTrader() {
        List<JsonNode> first = Await.until("an order of APEX's for the demo trader", Duration.ofMinutes(4),
                ApexReplayIT::apexOrders, orders -> !orders.isEmpty());
        JsonNode order = first.get(first.size() - 1);
        String symbol = order.path("symbol").asText();
        Instant close = close(order);

        ApplicationContext context = replaying.platform().context();
        ApexScanService rerun = new ApexScanService(context.getBean(CandleRepository.class),
                context.getBean(SignalIntakeService.class), Clock.fixed(close.plusSeconds(60), ZoneOffset.UTC));
        ApexScanService.MarketResult again = rerun.scan().stream().filter(r -> r.symbol().equals(symbol))
                .findFirst().orElseThrow();
        // The scan after the re-run shows the pipeline went on; by then a second order of the same signal would be in.
        List<JsonNode> later = Await.until("an APEX order of a later candle close", Duration.ofMinutes(3),
                ApexReplayIT::apexOrders, orders -> orders.stream().anyMatch(o -> close(o).isAfter(close)));

        assertThat(order.path("signalId").asText()).isEqualTo("apex:" + symbol + ":" + close.getEpochSecond());
        assertThat(order.path("strategy").asText()).isEqualTo("apex");
        assertThat(ApexParameters.load().markets()).contains(symbol);
        assertThat(again.decision()).isNotNull();
        assertThat(again.outcome()).isIn("duplicate", "stale-signal");
        assertThat(later.stream().filter(o -> o.path("signalId").asText().equals(order.path("signalId").asText())))
                .hasSize(1);
        assertThat(later.stream().map(o -> o.path("signalId").asText()).distinct().count())
                .as("one order per APEX signal: %s", later).isEqualTo(later.size());
    }
}
