package com.nija.shared.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.json.Json;
import com.nija.shared.testing.AsyncApiContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The validator every WebSocket test runs its messages through accepts what the platform sends and refuses drift. */
class AsyncApiContractTest {
    private static final AsyncApiContract CONTRACT = AsyncApiContract.asyncApi();

    @Test
    @DisplayName("a pushed fill passes in both formats, JSON text and MessagePack bytes")
    void realMessagePasses() {
        assertThatCode(() -> {
            CONTRACT.checkReceived(MessageCodec.encode(LiveMessageCodecTest.sample(), Format.JSON));
            CONTRACT.checkReceived(MessageCodec.encode(LiveMessageCodecTest.sample(), Format.MSGPACK));
        }).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the batcher's too-large notice, standing in for an update over 32 KB, passes")
    void tooLargeNoticePasses() {
        LiveUpdate huge = new LiveUpdate(Channels.ORDERS, LiveEvent.ORDER_FILLED, Instant.EPOCH,
                Map.of("pad", "x".repeat(40_000)));
        List<List<LiveUpdate>> messages = MessageBatcher.from(new LiveConfig()).split(List.of(huge), Format.JSON);

        assertThat(messages.get(0).get(0).event()).isEqualTo(LiveEvent.UPDATE_TOO_LARGE);
        assertThatCode(() -> CONTRACT.checkReceived(MessageCodec.encode(
                LiveMessage.of(1, Instant.EPOCH, messages.get(0)), Format.JSON))).doesNotThrowAnyException();
    }

    static Stream<Arguments> drifts() {
        return Stream.of(
                Arguments.of("an undocumented field", "fillPrice2", (Consumer<ObjectNode>) m -> data(m).put("fillPrice2", "1")),
                Arguments.of("money as a number", "fillPrice", (Consumer<ObjectNode>) m -> data(m).put("fillPrice", 64000.1)),
                Arguments.of("an event without a message", "order.vanished",
                        (Consumer<ObjectNode>) m -> update(m).put("event", "order.vanished")),
                Arguments.of("an event on the wrong channel", "trades",
                        (Consumer<ObjectNode>) m -> update(m).put("channel", "trades")),
                Arguments.of("seq 0", "seq", (Consumer<ObjectNode>) m -> m.put("seq", 0)),
                Arguments.of("a time that is not ISO-8601", "sentAt", (Consumer<ObjectNode>) m -> m.put("sentAt", "yesterday")),
                Arguments.of("an undocumented message type", "snapshot", (Consumer<ObjectNode>) m -> m.put("type", "snapshot")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    @DisplayName("a pushed message that drifts from the document fails, naming what is wrong")
    void driftFails(String what, String named, Consumer<ObjectNode> drift) {
        ObjectNode message = Json.MAPPER.valueToTree(LiveMessageCodecTest.sample());
        drift.accept(message);

        assertThatThrownBy(() -> CONTRACT.checkReceived(message.toString()))
                .isInstanceOf(AssertionError.class).hasMessageContaining(named);
    }

    @Test
    @DisplayName("a push over 32 KB fails even when every update in it is valid")
    void oversizedFails() {
        ObjectNode message = Json.MAPPER.valueToTree(LiveMessageCodecTest.sample());
        data(message).put("reason", "x".repeat(33_000));

        assertThatThrownBy(() -> CONTRACT.checkReceived(message.toString().getBytes()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("over the 32768 allowed");
    }

    @Test
    @DisplayName("a client message is held to its action's schema; one with an undocumented action fails")
    void clientMessages() {
        assertThatCode(() -> CONTRACT.checkSent("{\"action\":\"subscribe\",\"channels\":[\"orders\"],\"id\":3}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CONTRACT.checkSent("{\"action\":\"subscribe\",\"format\":\"xml\",\"channels\":\"orders\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("format");
        assertThatThrownBy(() -> CONTRACT.checkSent("{\"action\":\"snapshot\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("snapshot");
    }

    @Test
    @DisplayName("every example in the document passes its own message's schema")
    void examplesPass() {
        List<String> checked = new ArrayList<>();
        CONTRACT.document().path("components").path("messages").fields().forEachRemaining(entry -> {
            for (JsonNode example : entry.getValue().path("examples")) {
                String json = example.path("payload").toString();
                if (CONTRACT.actions().contains(entry.getKey())) CONTRACT.checkSent(json);
                else CONTRACT.checkReceived(json);
                checked.add(entry.getKey());
            }
        });

        assertThat(checked).contains("subscribe", "ping", "subscribed", "pong", "error", "updates");
    }

    private static ObjectNode update(ObjectNode message) {
        return (ObjectNode) message.path("updates").get(0);
    }

    private static ObjectNode data(ObjectNode message) {
        return (ObjectNode) update(message).path("data");
    }
}
