package com.nija.shared.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.json.Json;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Coinbase Advanced Trade "Get Public Product Candles": {@code GET /api/v3/brokerage/market/products/{product_id}/candles
 * ?start=&end=&granularity=FIVE_MINUTE} (UNIX seconds), answering {@code {"candles":[{"start":"1712192400","low":…,
 * "high":…,"open":…,"close":…,"volume":…}]}}, newest first, at most 350 candles a request. No key needed; public
 * endpoints allow 10 requests a second per IP.
 */
public final class CoinbaseCandles extends VenueCandleSource {
    static final String VENUE = "coinbase";

    public CoinbaseCandles(URI baseUrl, PublicMarketHttp http, Instruments instruments) {
        super(baseUrl, http, instruments);
    }

    @Override
    public String name() {
        return VENUE;
    }

    @Override
    int maxPerRequest() {
        return 300;
    }

    @Override
    URI request(String venueSymbol, CandleInterval interval, Instant from, Instant to) {
        return baseUrl.resolve("/api/v3/brokerage/market/products/" + venueSymbol + "/candles?start="
                + from.getEpochSecond() + "&end=" + to.getEpochSecond() + "&granularity=" + granularity(interval));
    }

    static String granularity(CandleInterval interval) {
        return switch (interval) {
            case ONE_MINUTE -> "ONE_MINUTE";
            case FIVE_MINUTES -> "FIVE_MINUTE";
            case ONE_HOUR -> "ONE_HOUR";
        };
    }

    @Override
    List<Candle> read(PublicMarketHttp.Answer answer) {
        if (answer.status() != 200) {
            throw new MarketDataException(VENUE + " refused the candle request (HTTP " + answer.status() + ")");
        }
        return parse(answer.body());
    }

    /** The candles of a 200 answer's body. */
    static List<Candle> parse(String body) {
        JsonNode candles = Json.readTree(body).map(n -> n.get("candles")).filter(JsonNode::isArray)
                .orElseThrow(() -> new MarketDataException(VENUE + " answer has no candles list"));
        List<Candle> read = new ArrayList<>();
        for (JsonNode c : candles) {
            if (!c.isObject()) throw new MarketDataException(VENUE + " candle is not an object");
            read.add(CandleReading.candle(VENUE, CandleReading.time(c.get("start"), VENUE, false),
                    CandleReading.decimal(c.get("open"), VENUE, "open"), CandleReading.decimal(c.get("high"), VENUE, "high"),
                    CandleReading.decimal(c.get("low"), VENUE, "low"), CandleReading.decimal(c.get("close"), VENUE, "close"),
                    CandleReading.decimal(c.get("volume"), VENUE, "volume")));
        }
        return read;
    }
}
