package com.nija.shared.venues.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.Fill;
import com.nija.shared.json.Json;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Alpaca's order statuses (Trading API "Orders", order lifecycle) as the engine sees them. */
class AlpacaOrderTest {

    @ParameterizedTest(name = "{0} with {1} filled → {2}")
    @CsvSource({
        "new, 0, RESTING", "accepted, 0, RESTING", "pending_new, 0, RESTING", "accepted_for_bidding, 0, RESTING",
        "held, 0, RESTING", "pending_cancel, 0, RESTING", "partially_filled, 0.0004, RESTING",
        "filled, 0.001, FILLED",
        "canceled, 0.0004, PARTIALLY_FILLED", "expired, 0.0004, PARTIALLY_FILLED",
        "canceled, 0, NONE", "expired, 0, NONE", "rejected, 0, NONE"})
    @DisplayName("Each documented status maps to what the engine does next")
    void statuses(String status, String filled, String expected) throws IOException {
        ObjectNode order = order();
        order.put("status", status).put("filled_qty", filled);

        Optional<Fill> fill = AlpacaOrder.read(order).fill();

        assertThat(fill.map(f -> f.status().name()).orElse("NONE")).isEqualTo(expected);
        fill.filter(f -> f.status() != Fill.Status.RESTING)
                .ifPresent(f -> assertThat(f.quantity()).isEqualByComparingTo(filled));
    }

    @Test
    @DisplayName("A resting order is RESTING for the quantity ordered, however much has filled so far")
    void restingQuantity() throws IOException {
        ObjectNode order = order();
        order.put("status", "partially_filled").put("filled_qty", "0.0004");

        Fill fill = AlpacaOrder.read(order).fill().orElseThrow();

        assertThat(fill.quantity()).isEqualByComparingTo("0.001");
        assertThat(fill.price()).isNull();
    }

    @Test
    @DisplayName("A partial fill without filled_at is dated by Alpaca's last update")
    void partialDatedByUpdate() throws IOException {
        ObjectNode order = order();
        order.put("status", "canceled").put("filled_qty", "0.0004").putNull("filled_at");

        assertThat(AlpacaOrder.read(order).fill().orElseThrow().at())
                .isEqualTo(java.time.Instant.parse("2031-06-16T11:59:58.412345Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"status=teleported", "filled_avg_price=", "filled_qty=1e999999999", "qty=0x10",
        "filled_at=yesterday", "side=hold"})
    @DisplayName("A field NIJA cannot read makes the order UNKNOWN, never a guess")
    void unreadable(String change) throws IOException {
        ObjectNode order = order();
        String[] kv = change.split("=", 2);
        if (kv[1].isEmpty()) order.putNull(kv[0]); else order.put(kv[0], kv[1]);

        assertThatThrownBy(() -> AlpacaOrder.read(order).fill())
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNKNOWN));
    }

    private static ObjectNode order() throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(AlpacaStub.body("order-filled.json"));
    }
}
