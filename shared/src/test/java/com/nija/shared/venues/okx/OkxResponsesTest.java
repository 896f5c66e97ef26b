package com.nija.shared.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.broker.Fill;
import com.nija.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading OKX's documented answers, and refusing what does not follow them. */
class OkxResponsesTest {

    @Test
    @DisplayName("a fee in the base currency is charged at the average price, in the quote currency")
    void feeInBase() {
        Fill fill = OkxResponses.order(filledOrder()).toFill();

        assertThat(fill.fee()).isEqualByComparingTo("0.09999985572");
    }

    @Test
    @DisplayName("a fee in the quote currency is the fee; a positive one (a rebate) lowers the cost")
    void feeInQuote() {
        ObjectNode order = filledOrder().put("fee", "-0.1").put("feeCcy", "USDT");
        ObjectNode rebate = filledOrder().put("fee", "0.02").put("feeCcy", "USDT");

        assertThat(OkxResponses.order(order).toFill().fee()).isEqualByComparingTo("0.1");
        assertThat(OkxResponses.order(rebate).toFill().fee()).isEqualByComparingTo("-0.02");
    }

    @Test
    @DisplayName("a fee in a currency of neither side cannot be priced: unknown, not a guessed zero")
    void feeInOtherCurrency() {
        ObjectNode order = filledOrder().put("feeCcy", "OKB");

        assertThatThrownBy(() -> OkxResponses.order(order).toFill())
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN))
                .hasMessageContaining("feeCcy");
    }

    @ParameterizedTest(name = "{0} with {1} filled → {2}")
    @CsvSource({
        "filled, 0.00192834, FILLED",
        "canceled, 0.001, PARTIALLY_FILLED",
        "mmp_canceled, 0.001, PARTIALLY_FILLED",
        "live, 0, RESTING",
        "partially_filled, 0.001, RESTING"
    })
    @DisplayName("OKX's order states as the engine's: done, done with less, or still working")
    void states(String state, String filled, Fill.Status status) {
        ObjectNode order = filledOrder().put("state", state).put("accFillSz", filled);

        Fill fill = OkxResponses.order(order).toFill();

        assertThat(fill.status()).isEqualTo(status);
        assertThat(fill.quantity()).isEqualByComparingTo(status == Fill.Status.RESTING ? "0.00192834" : filled);
    }

    @Test
    @DisplayName("a fill's time is OKX's last fill time, else its update time")
    void fillTime() {
        assertThat(OkxResponses.order(filledOrder()).toFill().at()).isEqualTo(Instant.ofEpochMilli(1708587373361L));
        assertThat(OkxResponses.order(filledOrder().put("fillTime", "")).toFill().at())
                .isEqualTo(Instant.ofEpochMilli(1708587373362L));
    }

    @Test
    @DisplayName("a cancelled order with nothing filled is a rejection")
    void cancelledUnfilled() {
        ObjectNode order = filledOrder().put("state", "canceled").put("accFillSz", "0").put("avgPx", "");

        assertThatThrownBy(() -> OkxResponses.order(order).toFill())
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource({
        "state, waiting", "side, hold", "sz, 1e5", "sz, ''", "sz, -1", "sz, 0", "accFillSz, 0x10", "accFillSz, -0.5",
        "accFillSz, 0", "avgPx, NaN", "avgPx, 0", "fee, -",
        "uTime, 1708587373362.5", "fillTime, 99999999999999999999", "instId, btc_usdt", "ordId, ''"
    })
    @DisplayName("a field that does not follow OKX's documented form is unreadable: unknown, naming the field")
    void unreadable(String field, String value) {
        ObjectNode order = filledOrder().put(field, value);

        assertThatThrownBy(() -> OkxResponses.order(order).toFill())
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN))
                .hasMessageContaining(field);
    }

    @Test
    @DisplayName("a filled order without an average price is unreadable")
    void filledWithoutPrice() {
        assertThatThrownBy(() -> OkxResponses.order(filledOrder().put("avgPx", "")).toFill())
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN));
    }

    @Test
    @DisplayName("rules name only the instrument asked for; one OKX does not list is a rejection")
    void rulesForOtherInstrument() {
        JsonNode data = resource("instruments-btc-usdt.json").path("data");

        assertThatThrownBy(() -> OkxResponses.rules("ETH-USDT", data))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("ETH-USDT");
    }

    @Test
    @DisplayName("a zero lot size is not a rule")
    void zeroLotSize() {
        JsonNode data = resource("instruments-btc-usdt.json").path("data");
        ((ObjectNode) data.get(0)).put("lotSz", "0");

        assertThatThrownBy(() -> OkxResponses.rules("BTC-USDT", data)).hasMessageContaining("lotSz");
    }

    @Test
    @DisplayName("permissions are perm's comma-separated names")
    void permissions() {
        JsonNode data = resource("config-trade-withdraw.json").path("data");

        assertThat(OkxResponses.permissions(data)).containsExactly("read_only", "withdraw", "trade");
    }

    @Test
    @DisplayName("balances take the cash balance, or the available one when OKX leaves it out; codes in capitals")
    void balances() throws Exception {
        JsonNode data = Json.MAPPER.readTree("""
                [{"details":[{"ccy":"usdt","cashBal":"","availBal":"12.5"},{"ccy":"BTC","cashBal":"0.5"}]}]""");

        assertThat(OkxResponses.balances(data)).containsOnlyKeys("USDT", "BTC");
        assertThat(OkxResponses.balances(data).get("USDT")).isEqualByComparingTo("12.5");
    }

    /** The documented filled market buy ("GET / Order details" example), to change one field at a time. */
    private static ObjectNode filledOrder() {
        return (ObjectNode) resource("order-filled-market-buy.json").path("data").get(0);
    }

    private static JsonNode resource(String name) {
        try (InputStream in = OkxResponsesTest.class.getResourceAsStream("/venues/okx/" + name)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
