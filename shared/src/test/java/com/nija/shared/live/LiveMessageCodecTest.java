package com.nija.shared.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.shared.data.OrderItem;
import com.nija.shared.order.OrderIntent;
import com.nija.shared.order.OrderSide;
import com.nija.shared.order.OrderStatus;
import com.nija.shared.order.OrderType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveMessageCodecTest {
    private static final Instant FILLED = Instant.parse("2026-11-27T10:15:30.250Z");

    static LiveMessage sample() {
        OrderItem order = new OrderItem("USER#u1", "ORDER#o1", "o1", "u1", "sig-1", "src", "default", "BTC-USD", OrderSide.BUY,
                OrderIntent.OPEN, "o1", OrderType.MARKET, null, new BigDecimal("0.00312500"), new BigDecimal("200.00"),
                null, null, OrderStatus.FILLED, null, new BigDecimal("64000.10"), new BigDecimal("0.20"), FILLED,
                FILLED.minusMillis(40), 1L, null, null, null, null, null, null, null, null, null);
        return LiveMessage.of(7, FILLED.plusMillis(3), List.of(
                new LiveUpdate(Channels.ORDERS, LiveEvent.ORDER_FILLED, FILLED, LiveViews.Order.of(order)),
                new LiveUpdate(Channels.TRADES, LiveEvent.TRADE_EXECUTED, FILLED, LiveViews.Trade.of(order, null))));
    }

    @Test
    @DisplayName("JSON: money as exact decimal strings, times as ISO-8601, absent fields left out")
    void jsonShape() {
        String json = new String(MessageCodec.encode(sample(), Format.JSON), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"type\":\"updates\",\"seq\":7,\"sentAt\":\"2026-11-27T10:15:30.253Z\"");
        assertThat(json).contains("\"fillPrice\":\"64000.10\"", "\"quantity\":\"0.00312500\"",
                "\"filledAt\":\"2026-11-27T10:15:30.250Z\"", "\"channel\":\"orders\",\"event\":\"order.filled\"");
        assertThat(json).doesNotContain("limitPrice", "null");
    }

    @Test
    @DisplayName("a MessagePack message decodes to exactly what the JSON message parses to")
    void msgpackEqualsJson() {
        byte[] json = MessageCodec.encode(sample(), Format.JSON);
        byte[] msgpack = MessageCodec.encode(sample(), Format.MSGPACK);

        Map<String, Object> fromJson = MessageCodec.decode(json, Format.JSON);
        Map<String, Object> fromMsgpack = MessageCodec.decode(msgpack, Format.MSGPACK);

        assertThat(fromMsgpack).isEqualTo(fromJson);
        assertThat(msgpack.length).isLessThan(json.length);
    }

    @Test
    @DisplayName("a MessagePack message is never valid UTF-8 text, so it always travels as a binary frame")
    void msgpackIsNotText() {
        byte[] msgpack = MessageCodec.encode(sample(), Format.MSGPACK);

        // A map header (0x80-0x8f) first: a UTF-8 continuation byte cannot start text.
        assertThat(msgpack[0] & 0xf0).isEqualTo(0x80);
    }
}
