package com.nija.shared.marketdata;

import com.nija.shared.instruments.Instrument;
import com.nija.shared.instruments.Instruments;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A venue's public candle endpoint as a {@link MarketDataSource}: maps NIJA's symbol to the venue's, splits a long
 * range into requests the venue accepts (each venue caps candles per request), and keeps only closed candles.
 * Subclasses say how to ask and how to read the answer.
 */
abstract class VenueCandleSource implements MarketDataSource {
    protected final URI baseUrl;
    private final PublicMarketHttp http;
    private final Instruments instruments;

    VenueCandleSource(URI baseUrl, PublicMarketHttp http, Instruments instruments) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.instruments = instruments;
    }

    /** Most candles one request may ask for. */
    abstract int maxPerRequest();

    abstract URI request(String venueSymbol, CandleInterval interval, Instant from, Instant to);

    /** The candles in the venue's answer; throws {@link MarketDataException} for an error or an unreadable body. */
    abstract List<Candle> read(PublicMarketHttp.Answer answer);

    @Override
    public List<Candle> closedCandles(String symbol, CandleInterval interval, Instant from, Instant to, Instant now) {
        String venueSymbol = instruments.find(symbol).flatMap(i -> i.on(name())).map(Instrument.VenueMarket::symbol)
                .orElseThrow(() -> new MarketDataException(symbol + " is not listed on " + name()));
        Instant end = to.isAfter(now) ? now : to;
        List<Candle> all = new ArrayList<>();
        Instant start = interval.openOf(from);
        while (start.isBefore(end)) {
            Instant windowEnd = start.plus(interval.length().multipliedBy(maxPerRequest()));
            if (windowEnd.isAfter(end)) windowEnd = end;
            all.addAll(read(http.get(request(venueSymbol, interval, start, windowEnd))));
            start = windowEnd;
        }
        return CandleReading.closed(all, interval, from, to, now, name());
    }
}
