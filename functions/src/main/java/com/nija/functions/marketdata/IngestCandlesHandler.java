package com.nija.functions.marketdata;

import com.nija.functions.http.ScheduledHandler;
import com.nija.shared.marketdata.CandleIngestService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Candle ingest — run by EventBridge Scheduler at the start of every minute, in the engine region only, never retried
 * (route table {@code SCHEDULES}; the next minute's run catches up whatever this one missed). Input: the scheduled
 * event, whose time is not read (the clock says which candles have closed). Output: each configured market's outcome
 * ({@code stored}, {@code unavailable}, {@code rate-limited}, {@code skipped-rate-limited}) with the candles newly
 * stored per interval, and how many latest prices went to the stop-loss/take-profit/limit path.
 */
public class IngestCandlesHandler extends ScheduledHandler<Map<String, Object>> {
    @Inject CandleIngestService ingest;

    public IngestCandlesHandler() {}

    public IngestCandlesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Object> run(LongSupplier remainingMillis, String service) {
        CandleIngestService.Result result = ingest.ingest();
        Map<String, Object> markets = new LinkedHashMap<>();
        result.markets().forEach(m -> markets.put(m.symbol(), Map.of("outcome", m.outcome(), "stored", m.stored())));
        return Map.of("markets", markets, "prices", result.prices());
    }
}
