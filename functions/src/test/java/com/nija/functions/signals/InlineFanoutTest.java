package com.nija.functions.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.functions.support.WorkQueueProbe;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.order.OrderTrigger;
import com.nija.shared.signals.SourceRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Intake fanning a signal out itself: up to the configured number of subscribers it sends their order messages
 * straight to the orders queue (one hop fewer); above it, or when intake cannot, the fan-out function does.
 */
class InlineFanoutTest {
    private static final String SECRET = "inline-fanout-test-secret-42";

    private final LocalBackends backends = LocalBackends.get();
    private final SignalIntakeHandler handler = new SignalIntakeHandler(backends.context());
    private String source;

    @BeforeEach
    void freshSource() {
        source = "inline-" + UUID.randomUUID().toString().substring(0, 8);
        backends.context().getBean(SourceRegistry.class).register(source, "SIGNALS", SECRET, List.of("*"), PlatformClock.system().instant());
        backends.queues().takeOrders();
        backends.queues().takeSignals();
    }

    private String accept(String symbol) {
        return accept(handler, symbol);
    }

    private String accept(SignalIntakeHandler handler, String symbol) {
        String signalId = "sig-" + UUID.randomUUID();
        String body = "{\"signalId\":\"" + signalId + "\",\"symbol\":\"" + symbol + "\",\"action\":\"buy\"}";
        APIGatewayV2HTTPEvent event = Events.signed(Events.http("api/signal-intake.json"), source, SECRET, body,
                PlatformClock.system().instant());
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        return signalId;
    }

    private static List<Message> ordersOf(List<Message> all, String signalId) {
        return all.stream().filter(m -> OrderMessages.readOrder(m.body()).signal().signalId().equals(signalId)).toList();
    }

    private static List<Message> signalsOf(List<Message> all, String signalId) {
        return all.stream().filter(m -> OrderMessages.readSignal(m.body()).signalId().equals(signalId)).toList();
    }

    @Test
    @DisplayName("a signal with few subscribers: intake puts one order message per trader on the orders queue, nothing on the signals queue")
    void fewSubscribersSentByIntake() {
        TraderFixture a = TradingSetup.trader().subscribedTo(source).create();
        TraderFixture b = TradingSetup.trader().subscribedTo(source).create();

        String signalId = accept(TestSignals.uniqueSymbol());

        List<Message> orders = ordersOf(backends.queues().takeOrders(), signalId);
        assertThat(orders).extracting(WorkQueueProbe::groupId).containsExactlyInAnyOrder(a.userId(), b.userId());
        for (Message m : orders) {
            OrderRequest request = OrderMessages.readOrder(m.body());
            assertThat(WorkQueueProbe.deduplicationId(m)).isEqualTo(OrderMessages.dedupId(signalId, request.userId()));
            assertThat(request.trigger()).isEqualTo(OrderTrigger.SIGNAL);
        }
        assertThat(signalsOf(backends.queues().takeSignals(), signalId)).isEmpty();
    }

    @Test
    @DisplayName("more subscribers than the inline limit: the signal goes to the fan-out function and intake sends no order")
    void manySubscribersHandedToFanout() {
        TradingSetup.trader().subscribedTo(source).create();
        TradingSetup.trader().subscribedTo(source).create();
        String signalId;
        try (ApplicationContext limitOne = backends.newContext(Map.of("nija.inline-fanout-max", "1"))) {
            String symbol = TestSignals.uniqueSymbol();
            limitOne.getBean(Instruments.class).register(symbol); // a context of its own has its own instrument list
            signalId = accept(new SignalIntakeHandler(limitOne), symbol);
        }

        assertThat(ordersOf(backends.queues().takeOrders(), signalId)).isEmpty();
        assertThat(signalsOf(backends.queues().takeSignals(), signalId)).hasSize(1);
    }
}
