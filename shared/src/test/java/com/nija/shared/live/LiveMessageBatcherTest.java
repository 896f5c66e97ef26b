package com.nija.shared.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.config.PlatformClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LiveMessageBatcherTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");
    private final MessageBatcher batcher = new MessageBatcher(10, LiveConfig.API_GATEWAY_FRAME_BYTES);

    static LiveUpdate price(int i) {
        return new LiveUpdate("prices:BTC-USD", LiveEvent.PRICE, AT,
                new LiveViews.Price("BTC-USD", new BigDecimal("64000.00").add(BigDecimal.valueOf(i)), AT));
    }

    static LiveUpdate padded(int i, int bytes) {
        return new LiveUpdate("orders", LiveEvent.ORDER_FILLED, AT, Map.of("n", i, "pad", "x".repeat(bytes)));
    }

    @Test
    @DisplayName("a burst of three updates for one connection goes as one message, in order")
    void smallBurstIsOneMessage() {
        List<LiveUpdate> burst = List.of(price(1), price(2), price(3));

        List<List<LiveUpdate>> messages = batcher.split(burst, Format.JSON);

        assertThat(messages).containsExactly(burst);
    }

    @Test
    @DisplayName("25 updates go as messages of 10, 10 and 5, keeping their order")
    void atMostTenUpdatesPerMessage() {
        List<LiveUpdate> burst = IntStream.range(0, 25).mapToObj(LiveMessageBatcherTest::price).toList();

        List<List<LiveUpdate>> messages = batcher.split(burst, Format.JSON);

        assertThat(messages).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(messages.stream().flatMap(List::stream).toList()).isEqualTo(burst);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    @DisplayName("updates too big to share 32 KB are split so that no message exceeds it, in either format")
    void splitsBySize(Format format) {
        List<LiveUpdate> burst = IntStream.range(0, 6).mapToObj(i -> padded(i, 9_000)).toList();

        List<List<LiveUpdate>> messages = batcher.split(burst, format);

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages.stream().flatMap(List::stream).toList()).isEqualTo(burst);
        for (List<LiveUpdate> m : messages) {
            byte[] encoded = MessageCodec.encode(LiveMessage.of(Long.MAX_VALUE, AT, m), format);
            assertThat(encoded.length).isLessThanOrEqualTo(LiveConfig.API_GATEWAY_FRAME_BYTES);
        }
    }

    @Test
    @DisplayName("an update larger than a frame on its own becomes a too-large notice on its channel, not a lost update")
    void oversizedUpdateBecomesNotice() {
        List<LiveUpdate> burst = List.of(price(1), padded(2, 40_000), price(3));

        List<List<LiveUpdate>> messages = batcher.split(burst, Format.JSON);

        List<LiveUpdate> flat = messages.stream().flatMap(List::stream).toList();
        assertThat(flat).hasSize(3);
        assertThat(flat.get(1).channel()).isEqualTo("orders");
        assertThat(flat.get(1).event()).isEqualTo(LiveEvent.UPDATE_TOO_LARGE);
        assertThat(flat.get(0)).isEqualTo(burst.get(0));
        assertThat(flat.get(2)).isEqualTo(burst.get(2));
    }

    @Test
    @DisplayName("a message filled to the byte limit stays under it once its real sequence number and time are set")
    void realSequenceNeverPushesOver() {
        MessageBatcher tight = new MessageBatcher(10, 2_000);
        List<LiveUpdate> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) burst.add(padded(i, 150 + i * 7));

        for (List<LiveUpdate> m : tight.split(burst, Format.JSON)) {
            byte[] real = MessageCodec.encode(LiveMessage.of(987_654_321L, PlatformClock.system().instant(), m), Format.JSON);
            assertThat(real.length).isLessThanOrEqualTo(2_000);
        }
    }

    @Test
    @DisplayName("no updates, no messages")
    void nothingToSend() {
        assertThat(batcher.split(List.of(), Format.MSGPACK)).isEmpty();
    }
}
