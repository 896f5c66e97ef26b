package com.nija.shared.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.json.Json;
import com.nija.shared.marketdata.CandleInterval;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * APEX's rules as numbers, read from the versioned file {@code nija/strategy/apex.json} (not constants in code): a
 * new version of the rules is a new file revision, and every signal names the version it came from. See that file
 * for the values and {@link ApexStrategy} for what each one does; {@code markets} are the ones the scheduled scan
 * evaluates.
 */
public record ApexParameters(String strategy, String version, String interval, int warmupCandles, int emaFast,
                             int emaMid, int emaSlow, int rsiPeriod, double rsiLongMin, double rsiLongMax,
                             double rsiShortMin, double rsiShortMax, int macdFast, int macdSlow, int macdSignal,
                             int adxPeriod, int atrPeriod, int vwapPeriod, int bollingerPeriod, double bollingerK,
                             double adxFloor, int volumeAveragePeriod, double volumeFilterRatio,
                             double volumeConfirmRatio, double nearPercent, int minConditions, int swingBars,
                             double stopAtrMultiple, double stopMinPercent, double stopMaxPercent,
                             List<Target> targets, double trailingAtrMultiple, double sizeMinPercent,
                             double sizeMaxPercent, double sizeFullAdx, int signalMaxLagSeconds,
                             List<String> markets) {

    /** A take-profit rung: at {@code percent} from entry, close {@code exitPercent} of the opening size. */
    public record Target(BigDecimal percent, int exitPercent) {}

    public static final String RESOURCE = "/nija/strategy/apex.json";

    public ApexParameters {
        targets = List.copyOf(targets);
        markets = markets == null ? List.of() : List.copyOf(markets);
        if (warmupCandles < 100) throw new IllegalArgumentException("APEX needs at least 100 candles of warm-up");
        if (minConditions < 1 || minConditions > 5) throw new IllegalArgumentException("minConditions is 1 to 5");
        if (targets.stream().mapToInt(Target::exitPercent).sum() != 100) {
            throw new IllegalArgumentException("the take-profit ladder must exit 100 % of the position");
        }
        if (stopMinPercent <= 0 || stopMaxPercent < stopMinPercent) throw new IllegalArgumentException("stop clamp");
        if (sizeMinPercent <= 0 || sizeMaxPercent < sizeMinPercent) throw new IllegalArgumentException("size range");
        if (CandleInterval.parse(interval).isEmpty()) throw new IllegalArgumentException("interval " + interval);
    }

    public CandleInterval candleInterval() {
        return CandleInterval.parse(interval).orElseThrow();
    }

    /** The committed APEX version. */
    public static ApexParameters load() {
        try (InputStream in = ApexParameters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApexParameters read(String json) {
        try {
            return Json.MAPPER.readValue(json, ApexParameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("APEX parameters unreadable: " + e.getOriginalMessage());
        }
    }
}
