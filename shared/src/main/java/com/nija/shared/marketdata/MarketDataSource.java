package com.nija.shared.marketdata;

import java.time.Instant;
import java.util.List;

/**
 * The market-data port: closed candles of one market from one public source (a venue's public REST API in AWS, a
 * replay of candle files locally). Strategy code reads candles only through this port or the candle store.
 */
public interface MarketDataSource {
    /** The source's name, e.g. {@code coinbase}. */
    String name();

    /**
     * Candles of {@code symbol} (NIJA's canonical name, e.g. {@code BTC-USD}) opened in [{@code from}, {@code to}) and
     * closed by {@code now}, oldest first, without duplicates. A candle still forming is never returned.
     *
     * @throws MarketDataException when the source cannot answer or answers outside its documented shape
     */
    List<Candle> closedCandles(String symbol, CandleInterval interval, Instant from, Instant to, Instant now);
}
