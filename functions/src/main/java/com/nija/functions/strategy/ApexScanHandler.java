package com.nija.functions.strategy;

import com.nija.functions.http.ScheduledHandler;
import com.nija.shared.strategy.ApexScanService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * APEX scan — run by EventBridge Scheduler one minute after each 5-minute candle closes, in the engine region only,
 * never retried (route table {@code SCHEDULES}). Input: the scheduled event, whose time is not read (the clock says
 * which candle just closed). Output: each configured market's outcome ({@code signalled}, {@code duplicate}, a filter
 * reason, {@code stale-candles}, {@code stale-signal} for a run later than the signal's maxLag). Signals go through
 * the ordinary intake as source {@code nija-apex}; a re-run of the same close sends nothing twice.
 */
public class ApexScanHandler extends ScheduledHandler<Map<String, Object>> {
    @Inject ApexScanService scan;

    public ApexScanHandler() {}

    public ApexScanHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Object> run(LongSupplier remainingMillis, String service) {
        List<ApexScanService.MarketResult> results = scan.scan();
        Map<String, Object> outcomes = new LinkedHashMap<>();
        results.forEach(r -> outcomes.put(r.symbol(), r.outcome()));
        return Map.of("scanned", results.size(), "outcomes", outcomes);
    }
}
