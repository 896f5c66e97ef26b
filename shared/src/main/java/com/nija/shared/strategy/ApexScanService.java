package com.nija.shared.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.exits.ExitPlan;
import com.nija.shared.json.Json;
import com.nija.shared.marketdata.Candle;
import com.nija.shared.marketdata.CandleInterval;
import com.nija.shared.marketdata.CandleRepository;
import com.nija.shared.signals.SignalIntakeService;
import com.nija.shared.signals.StaleSignalException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled APEX scan: on each candle close, for every configured market, evaluate APEX on the stored candles up
 * to the candle that just closed and send what it decides through the ordinary signal intake as source
 * {@value #SOURCE}. The signal id is strategy + symbol + candle close time, so a re-run of the same close (a retried
 * schedule, a second region) is a duplicate the intake answers without acting twice. A market whose newest stored
 * candle is not the one that just closed is skipped: deciding on stale candles would trade on old prices.
 */
@Singleton
public class ApexScanService {
    public static final String SOURCE = "nija-apex";
    private static final Logger LOG = LoggerFactory.getLogger(ApexScanService.class);
    /** Candles read per market beyond the warm-up, so indicators with long memory (EMA 50, ADX) have settled. */
    private static final int EXTRA_HISTORY = 60;

    /** What the scan did for one market. */
    public record MarketResult(String symbol, String outcome, ApexDecision decision) {}

    private final CandleRepository candles;
    private final SignalIntakeService intake;
    private final ApexStrategy strategy;
    private final Clock clock;

    public ApexScanService(CandleRepository candles, SignalIntakeService intake, Clock clock) {
        this(candles, intake, new ApexStrategy(ApexParameters.load()), clock);
    }

    ApexScanService(CandleRepository candles, SignalIntakeService intake, ApexStrategy strategy, Clock clock) {
        this.candles = candles;
        this.intake = intake;
        this.strategy = strategy;
        this.clock = clock;
    }

    public List<MarketResult> scan() {
        Instant now = clock.instant();
        CandleInterval interval = strategy.parameters().candleInterval();
        Instant lastOpen = interval.lastClosedOpen(now);
        List<MarketResult> results = new ArrayList<>();
        for (String symbol : strategy.parameters().markets()) {
            results.add(scan(symbol, interval, lastOpen));
        }
        return results;
    }

    private MarketResult scan(String symbol, CandleInterval interval, Instant lastOpen) {
        List<Candle> series = candles.latest(symbol, interval, strategy.parameters().warmupCandles() + EXTRA_HISTORY,
                lastOpen.plus(interval.length()));
        if (series.isEmpty() || !series.get(series.size() - 1).openTime().equals(lastOpen)) {
            LOG.warn("APEX skips {}: no stored {} candle opened at {}", symbol, interval.code(), lastOpen);
            return new MarketResult(symbol, "stale-candles", null);
        }
        ApexDecision decision = strategy.evaluate(symbol, series);
        if (decision.action() == ApexDecision.Action.NONE) {
            return new MarketResult(symbol, decision.reason().name().toLowerCase(), decision);
        }
        SignalIntakeService.Outcome answer;
        try {
            answer = intake.acceptFromPlatform(SOURCE, signalBody(decision));
        } catch (StaleSignalException late) {
            // A run later than the signal's maxLag (an overloaded replay, a delayed invocation): the intake refuses
            // it as it would anyone's, and the other markets are still scanned.
            LOG.warn("APEX signal for {} refused as stale: {}", symbol, late.getMessage());
            return new MarketResult(symbol, "stale-signal", decision);
        }
        return new MarketResult(symbol, answer.duplicate() ? "duplicate" : "signalled", decision);
    }

    /**
     * The decision's exit plan ({@link ApexTradePlan#exitPlan}) in the intake's shape; the engine runs it for every
     * subscriber, on the prices that arrive.
     */
    Map<String, Object> exits(ApexDecision d) {
        ExitPlan plan = ApexTradePlan.exitPlan(d, strategy.parameters(), d.indicators().get(ApexStrategy.ATR));
        Map<String, Object> exits = new LinkedHashMap<>();
        exits.put("targets", plan.ladder().stream()
                .map(r -> Map.<String, Object>of("price", r.price(), "fraction", r.fraction())).toList());
        if (plan.breakevenAfter() != null) exits.put("breakevenAfter", plan.breakevenAfter());
        if (plan.trailing() != null) {
            exits.put("trailing", Map.of("distance", plan.trailing().distance(), "after", plan.trailing().after()));
        }
        return exits;
    }

    /** Deterministic: the same candle close of the same market always gives the same id. */
    static String signalId(ApexDecision decision) {
        return "apex:" + decision.symbol() + ":" + decision.candleClose().getEpochSecond();
    }

    /** The signal in the intake's shape, with the explanation (conditions and indicator values) alongside. */
    String signalBody(ApexDecision d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signalId", signalId(d));
        body.put("strategy", "apex");
        body.put("symbol", d.symbol());
        body.put("action", d.action().name().toLowerCase());
        body.put("timestamp", d.candleClose().toString());
        body.put("maxLag", strategy.parameters().signalMaxLagSeconds());
        if (d.action() != ApexDecision.Action.EXIT) {
            body.put("price", d.entry());
            body.put("stopLoss", d.stop());
            body.put("exits", exits(d));
            body.put("quantityType", "percent_of_equity");
            body.put("quantity", d.sizePercent());
        }
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("version", d.version());
        explanation.put("reason", d.reason().name().toLowerCase());
        explanation.put("side", d.side());
        explanation.put("conditions", d.conditions());
        explanation.put("indicators", d.indicators());
        if (!d.targets().isEmpty()) explanation.put("targets", d.targets());
        body.put("explanation", explanation);
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("APEX signal not writable", e);
        }
    }
}
