package com.nija.shared.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.json.Json;
import com.nija.shared.venues.VenueResponse;
import com.nija.shared.venues.VenueRules;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fuzzes what Binance (or anything answering in its place) sends back: each answer goes through every Binance
 * reader — order, trades, open orders, exchangeInfo, account, key restrictions, ticker, error body — and a read
 * order through the fill it becomes. Each either reads or fails with a {@link BrokerException} (which the engine
 * understands); any other exception would escape the broker port.
 */
class BinanceResponsesFuzzTest {
    private static final BinanceMarket BTCUSDT = new BinanceMarket("BTCUSDT", "BTC", "USDT",
            new VenueRules("BTCUSDT", new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("0.01"),
                    BigDecimal.valueOf(5)));
    /** A Retry-After that is not a number, as a hostile proxy might send. */
    private static final HttpHeaders ODD_HEADERS = HttpHeaders.of(Map.of("Retry-After", List.of("x")), (n, v) -> true);

    @FuzzTest
    void answer(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        JsonNode json = Json.readTree(body).orElse(MissingNode.getInstance());

        BinanceOrder order = readOrRefused(() -> BinanceOrderReader.order(json));
        if (order != null) {
            readOrRefused(() -> BinanceFills.fill(order, order.fills(), BTCUSDT,
                    (asset, quote) -> Optional.of(new BigDecimal("600"))));
        }
        readOrRefused(() -> BinanceOrderReader.trades(json));
        readOrRefused(() -> BinanceOrderReader.openOrders(json));
        BinanceMarket market = readOrRefused(() -> BinanceAccountReader.market(json, "BTCUSDT"));
        if (market != null) {
            assertThat(market.rules().minSize().signum()).isNotNegative();
            readOrRefused(() -> market.rules().roundSize(new BigDecimal("0.123456789")));
        }
        readOrRefused(() -> BinanceAccountReader.balances(json));
        readOrRefused(() -> BinanceAccountReader.restrictions(json).check());
        readOrRefused(() -> BinanceAccountReader.accountPermissions(json).check());
        readOrRefused(() -> BinanceAccountReader.tickerPrice(json));
        for (int status : new int[] {400, 418, 429, 503}) {
            VenueResponse response = new VenueResponse(status, ODD_HEADERS, body);
            BinanceError.of(response).ifPresent(e -> assertThat(e.toException("fuzzing", response)).isNotNull());
        }
    }

    private static <T> T readOrRefused(Supplier<T> read) {
        try {
            return read.get();
        } catch (BrokerException understood) {
            return null;
        }
    }
}
