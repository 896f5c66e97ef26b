package com.nija.functions.strategy;

import com.nija.shared.strategy.ApexScanService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * APEX scan — triggered by EventBridge Scheduler every 5 minutes, a few seconds after each candle close (primary
 * region only; see {@code RouteTable.SCHEDULES}). Input: the schedule's payload, which is not read (the clock says
 * which candle just closed). Output: each configured market's outcome ({@code signalled}, {@code duplicate}, a
 * filter reason, {@code stale-candles}). Signals go through the ordinary intake as source {@code nija-apex}; a
 * re-run of the same close sends nothing twice.
 */
public class ApexScanHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {
    @Inject ApexScanService scan;

    public ApexScanHandler() {}

    public ApexScanHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduled) {
        List<ApexScanService.MarketResult> results = scan.scan();
        Map<String, Object> outcomes = new LinkedHashMap<>();
        results.forEach(r -> outcomes.put(r.symbol(), r.outcome()));
        return Map.of("scanned", results.size(), "outcomes", outcomes);
    }
}
