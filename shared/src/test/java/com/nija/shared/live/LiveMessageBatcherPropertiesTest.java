package com.nija.shared.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Label("Packing live updates into messages")
class LiveMessageBatcherPropertiesTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    @Property(tries = 200)
    @Label("every message respects both limits, and the messages hold every update in order")
    void limitsAndOrder(@ForAll("bursts") List<LiveUpdate> burst, @ForAll @IntRange(min = 1, max = 12) int maxUpdates,
                        @ForAll("formats") Format format) {
        MessageBatcher batcher = new MessageBatcher(maxUpdates, 4_096);

        List<List<LiveUpdate>> messages = batcher.split(burst, format);

        assertThat(messages.stream().flatMap(List::stream).toList()).isEqualTo(burst);
        for (List<LiveUpdate> m : messages) {
            assertThat(m).isNotEmpty().hasSizeLessThanOrEqualTo(maxUpdates);
            assertThat(MessageCodec.encode(LiveMessage.of(Long.MAX_VALUE, AT, m), format).length).isLessThanOrEqualTo(4_096);
        }
    }

    @Property(tries = 200)
    @Label("as few messages as the update limit allows when updates are small")
    void fewestMessagesForSmallUpdates(@ForAll @IntRange(min = 0, max = 60) int count) {
        MessageBatcher batcher = new MessageBatcher(10, LiveConfig.API_GATEWAY_FRAME_BYTES);
        List<LiveUpdate> burst = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new LiveUpdate("trades", "trade.executed", AT, Map.of("n", i))).toList();

        assertThat(batcher.split(burst, Format.JSON)).hasSize((count + 9) / 10);
    }

    @Provide
    Arbitrary<List<LiveUpdate>> bursts() {
        Arbitrary<LiveUpdate> update = Arbitraries.strings().alpha().ofMaxLength(900)
                .map(pad -> new LiveUpdate("orders", "order.filled", AT, Map.of("pad", pad)));
        return update.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<Format> formats() {
        return Arbitraries.of(Format.values());
    }
}
