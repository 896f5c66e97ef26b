package com.nija.shared.strategy;

import com.nija.shared.marketdata.CandleIngestService;
import com.nija.shared.marketdata.CandleRepository;
import com.nija.shared.marketdata.MarketDataSource;
import com.nija.shared.prices.PriceIngestService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The candle ingest stores the markets APEX scans (its versioned parameters' {@code markets}), no other list. */
@Factory
public class ApexMarketsFactory {
    @Singleton
    CandleIngestService candleIngest(MarketDataSource source, CandleRepository candles, PriceIngestService prices,
                                     Clock clock) {
        return new CandleIngestService(source, candles, prices, clock, ApexParameters.load().markets());
    }
}
