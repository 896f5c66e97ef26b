package com.nija.shared.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.testing.RandomCases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Packing live updates into messages (seeded)")
class LiveMessageBatcherPropertiesTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    @DisplayName("every message respects both limits, and the messages hold every update in order (seed 301, 200 cases)")
    void limitsAndOrder() {
        RandomCases.check(301, 200, r -> {
            List<LiveUpdate> burst = r.list(0, 40,
                    () -> new LiveUpdate("orders", LiveEvent.ORDER_FILLED, AT, Map.of("pad", r.string(LETTERS, 0, 900))));
            int maxUpdates = r.intBetween(1, 12);
            Format format = r.pick(Format.values());
            MessageBatcher batcher = new MessageBatcher(maxUpdates, 4_096);

            List<List<LiveUpdate>> messages = batcher.split(burst, format);

            assertThat(messages.stream().flatMap(List::stream).toList()).isEqualTo(burst);
            for (List<LiveUpdate> m : messages) {
                assertThat(m).isNotEmpty().hasSizeLessThanOrEqualTo(maxUpdates);
                assertThat(MessageCodec.encode(LiveMessage.of(Long.MAX_VALUE, AT, m), format).length)
                        .isLessThanOrEqualTo(4_096);
            }
        });
    }

    @Test
    @DisplayName("as few messages as the update limit allows when updates are small (0 to 60 updates)")
    void fewestMessagesForSmallUpdates() {
        MessageBatcher batcher = new MessageBatcher(10, LiveConfig.API_GATEWAY_FRAME_BYTES);
        for (int count = 0; count <= 60; count++) {
            int n = count;
            List<LiveUpdate> burst = IntStream.range(0, n)
                    .mapToObj(i -> new LiveUpdate("trades", LiveEvent.TRADE_EXECUTED, AT, Map.of("n", i))).toList();

            assertThat(batcher.split(burst, Format.JSON)).as("%d updates", n).hasSize((n + 9) / 10);
        }
    }
}
