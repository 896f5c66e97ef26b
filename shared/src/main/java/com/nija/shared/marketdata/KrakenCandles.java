package com.nija.shared.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.json.Json;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Kraken Spot REST "Get OHLC Data": {@code GET /0/public/OHLC?pair=XBTUSD&interval=5&since=<unix s>} (interval in
 * minutes), answering {@code {"error":[],"result":{"XXBTZUSD":[[time,"open","high","low","close","vwap","volume",
 * count],…],"last":…}}} oldest first, at most 720 bars, the last of which is still forming. Errors come as HTTP 200
 * with a non-empty {@code error} list; {@code EAPI:Rate limit exceeded} and {@code EGeneral:Too many requests} mean
 * back off.
 */
public final class KrakenCandles extends VenueCandleSource {
    static final String VENUE = "kraken";

    public KrakenCandles(URI baseUrl, PublicMarketHttp http, Instruments instruments) {
        super(baseUrl, http, instruments);
    }

    @Override
    public String name() {
        return VENUE;
    }

    @Override
    int maxPerRequest() {
        return 720;
    }

    @Override
    URI request(String venueSymbol, CandleInterval interval, Instant from, Instant to) {
        // `since` is exclusive: ask from one second before the first wanted open time.
        return baseUrl.resolve("/0/public/OHLC?pair=" + venueSymbol + "&interval=" + interval.length().toMinutes()
                + "&since=" + (from.getEpochSecond() - 1));
    }

    @Override
    List<Candle> read(PublicMarketHttp.Answer answer) {
        if (answer.status() != 200) {
            throw new MarketDataException(VENUE + " refused the OHLC request (HTTP " + answer.status() + ")");
        }
        return parse(answer.body());
    }

    static List<Candle> parse(String body) {
        JsonNode root = Json.readTree(body).filter(JsonNode::isObject)
                .orElseThrow(() -> new MarketDataException(VENUE + " answer is not a JSON object"));
        JsonNode errors = root.get("error");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            String first = errors.get(0).asText();
            if (first.startsWith("EAPI:Rate limit") || first.startsWith("EGeneral:Too many requests")) {
                throw new MarketDataRateLimitedException(VENUE + " is rate limiting market data",
                        java.time.Duration.ofSeconds(5));
            }
            throw new MarketDataException(VENUE + " refused the OHLC request: "
                    + (first.length() > 80 ? first.substring(0, 80) : first));
        }
        JsonNode result = root.get("result");
        if (result == null || !result.isObject()) throw new MarketDataException(VENUE + " answer has no result");
        List<Candle> read = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = it.next();
            if (pair.getKey().equals("last")) continue;
            if (!pair.getValue().isArray()) throw new MarketDataException(VENUE + " OHLC of a pair is not a list");
            for (JsonNode bar : pair.getValue()) read.add(bar(bar));
        }
        return read;
    }

    private static Candle bar(JsonNode bar) {
        if (!bar.isArray() || bar.size() < 7) throw new MarketDataException(VENUE + " OHLC bar is not a list of 8");
        return CandleReading.candle(VENUE, CandleReading.time(bar.get(0), VENUE, false),
                CandleReading.decimal(bar.get(1), VENUE, "open"), CandleReading.decimal(bar.get(2), VENUE, "high"),
                CandleReading.decimal(bar.get(3), VENUE, "low"), CandleReading.decimal(bar.get(4), VENUE, "close"),
                CandleReading.decimal(bar.get(6), VENUE, "volume"));
    }
}
