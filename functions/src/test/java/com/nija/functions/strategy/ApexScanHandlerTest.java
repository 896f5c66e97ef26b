package com.nija.functions.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.config.PlatformClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.exits.ExitPlan;
import com.nija.shared.json.Json;
import com.nija.shared.marketdata.CandleInterval;
import com.nija.shared.marketdata.CandleRepository;
import com.nija.shared.signals.SourceRegistry;
import com.nija.shared.strategy.ApexScanService;
import com.nija.shared.strategy.ApexTradePlan;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The scheduled APEX scan on dynalite and ElasticMQ: stored candles in, a signal through the ordinary intake as
 * {@code nija-apex} and an order message for its subscriber out; the same close scanned again sends nothing.
 */
class ApexScanHandlerTest {
    private final LocalBackends backends = LocalBackends.get();
    /** A candle close of its own, days after other tests' clock, so signal ids and candle days are this test's. */
    private final Instant close = CandleInterval.FIVE_MINUTES.openOf(PlatformClock.system().instant())
            .plus(Duration.ofDays(3));
    private final ApplicationContext context = backends.newContext(Map.of(),
            Clock.fixed(close.plusSeconds(8), ZoneOffset.UTC));
    private final ApexScanHandler handler = new ApexScanHandler(context);

    @AfterEach
    void close() {
        context.close();
    }

    private Map<String, Object> run() {
        return handler.handleRequest(Events.scheduled("scheduled/apex-scan.json"), null);
    }

    @Test
    @DisplayName("a long setup on BTC-USD's just-closed candle becomes one APEX signal and an order for its subscriber")
    void scanSignalsOnce() {
        context.getBean(SourceRegistry.class).register(ApexScanService.SOURCE, SourceRegistry.SIGNALS, "apex-local",
                List.of("apex"), close);
        TraderFixture subscriber = TradingSetup.trader().subscribedTo(ApexScanService.SOURCE).create();
        Instant lastOpen = close.minus(CandleInterval.FIVE_MINUTES.length());
        context.getBean(CandleRepository.class).store("BTC-USD", CandleInterval.FIVE_MINUTES,
                ApexSetups.longEntryEndingAt(lastOpen, 170));
        backends.queues().takeOrders();

        Map<String, Object> first = run();
        List<Message> orders = backends.queues().takeOrdersOf(subscriber.userId());
        Map<String, Object> again = run();

        @SuppressWarnings("unchecked")
        Map<String, Object> outcomes = (Map<String, Object>) first.get("outcomes");
        assertThat(outcomes).containsEntry("BTC-USD", "signalled").containsEntry("ETH-USD", "stale-candles");
        assertThat(orders).hasSize(1);
        var order = OrderMessages.readOrder(orders.get(0).body());
        assertThat(order.signal().signalId()).isEqualTo("apex:BTC-USD:" + close.getEpochSecond());
        assertThat(order.signal().source()).isEqualTo(ApexScanService.SOURCE);
        assertThat(order.signal().stopLoss()).isNotNull();
        ExitPlan exits = order.signal().exits();
        assertThat(exits.ladder()).extracting(ExitPlan.Rung::fraction).extracting(BigDecimal::toPlainString)
                .containsExactly("0.33", "0.33", "0.34");
        assertThat(exits.ladder()).allSatisfy(r -> assertThat(r.price()).isGreaterThan(order.signal().price()));
        assertThat(exits.breakevenAfter()).isEqualTo(1);
        assertThat(exits.trailing().after()).isEqualTo(2);
        assertThat(exits.trailing().distance()).isPositive();
        assertThat(order.signal().takeProfit()).as("the ladder's last rung is the take-profit").isNull();
        JsonNode explanation = Json.readTree(order.signal().explanation()).orElseThrow();
        assertThat(explanation.path("conditions").size()).isEqualTo(5);
        assertThat(exits.trailing().distance()).as("ATR × 1.2").isEqualByComparingTo(ApexTradePlan.trailingDistance(
                new BigDecimal(explanation.path("indicators").path("atr14").asText()), 1.2));
        assertThat(((Map<?, ?>) again.get("outcomes")).get("BTC-USD")).isEqualTo("duplicate");
        assertThat(backends.queues().takeOrdersOf(subscriber.userId())).isEmpty();
    }
}
