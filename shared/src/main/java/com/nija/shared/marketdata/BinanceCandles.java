package com.nija.shared.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.json.Json;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Binance Spot "Kline/Candlestick data": {@code GET /api/v3/klines?symbol=BTCUSDT&interval=5m&startTime=&endTime=
 * &limit=1000} (ms), answering {@code [[openTime,"open","high","low","close","volume",closeTime,"quoteVolume",trades,
 * "takerBase","takerQuote","0"],…]} oldest first; weight 2 a request against 6,000 a minute. Too many requests:
 * 429 with {@code Retry-After}, and 418 once an IP keeps going.
 */
public final class BinanceCandles extends VenueCandleSource {
    static final String VENUE = "binance";

    public BinanceCandles(URI baseUrl, PublicMarketHttp http, Instruments instruments) {
        super(baseUrl, http, instruments);
    }

    @Override
    public String name() {
        return VENUE;
    }

    @Override
    int maxPerRequest() {
        return 1000;
    }

    @Override
    URI request(String venueSymbol, CandleInterval interval, Instant from, Instant to) {
        // endTime is inclusive: stop one millisecond before the next window's first open time.
        return baseUrl.resolve("/api/v3/klines?symbol=" + venueSymbol + "&interval=" + interval.code() + "&startTime="
                + from.toEpochMilli() + "&endTime=" + (to.toEpochMilli() - 1) + "&limit=" + maxPerRequest());
    }

    @Override
    List<Candle> read(PublicMarketHttp.Answer answer) {
        if (answer.status() != 200) {
            String code = Json.readTree(answer.body()).map(n -> n.path("code").asText("")).orElse("");
            throw new MarketDataException(VENUE + " refused the klines request (HTTP " + answer.status()
                    + (code.matches("-?\\d{1,6}") ? ", code " + code : "") + ")");
        }
        return parse(answer.body());
    }

    static List<Candle> parse(String body) {
        JsonNode klines = Json.readTree(body).filter(JsonNode::isArray)
                .orElseThrow(() -> new MarketDataException(VENUE + " answer is not a list of klines"));
        List<Candle> read = new ArrayList<>();
        for (JsonNode k : klines) {
            if (!k.isArray() || k.size() < 6) throw new MarketDataException(VENUE + " kline is not a list of 12");
            read.add(CandleReading.candle(VENUE, CandleReading.time(k.get(0), VENUE, true),
                    CandleReading.decimal(k.get(1), VENUE, "open"), CandleReading.decimal(k.get(2), VENUE, "high"),
                    CandleReading.decimal(k.get(3), VENUE, "low"), CandleReading.decimal(k.get(4), VENUE, "close"),
                    CandleReading.decimal(k.get(5), VENUE, "volume")));
        }
        return read;
    }
}
