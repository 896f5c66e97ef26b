package com.nija.shared.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.problem.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LiveChannelsTest {
    @ParameterizedTest
    @CsvSource({"positions,positions", "ORDERS,orders", " trades ,trades", "prices:BTC-USD,prices:BTC-USD",
            "prices:btcusd,prices:BTC-USD", "Prices:eth/usdt,prices:ETH-USDT"})
    @DisplayName("channels are read in canonical form; markets as BASE-QUOTE")
    void canonical(String raw, String expected) {
        assertThat(Channels.parse(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "position", "prices:", "prices:???", "system", "orders:other-trader", "balances"})
    @DisplayName("anything else is refused as invalid input, naming the accepted channels")
    void refused(String raw) {
        assertThatThrownBy(() -> Channels.parse(raw)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("positions, orders, trades or prices:<SYMBOL>");
    }

    @Test
    @DisplayName("a list keeps its order, drops duplicates, and must not be empty")
    void lists() {
        assertThat(Channels.parseAll(List.of("orders", "prices:BTCUSD", "ORDERS", "prices:BTC-USD")))
                .containsExactly("orders", "prices:BTC-USD");
        assertThatThrownBy(() -> Channels.parseAll(List.of())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("formats: json by default, msgpack on request, nothing else")
    void formats() {
        assertThat(Format.parse(null)).isEqualTo(Format.JSON);
        assertThat(Format.parse("MsgPack")).isEqualTo(Format.MSGPACK);
        assertThatThrownBy(() -> Format.parse("xml")).isInstanceOf(InvalidInputException.class);
    }
}
