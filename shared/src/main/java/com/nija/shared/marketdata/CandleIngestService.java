package com.nija.shared.marketdata;

import com.nija.shared.market.PriceUpdate;
import com.nija.shared.prices.PriceIngestService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The minute's candle ingest: for each configured market and each stored interval (1m, 5m, 1h), asks the market-data
 * source only for candles that closed since the newest one stored (at most {@link #backfill} of them: the first run,
 * or one after an outage, fills the scan's warm-up), stores them ({@link CandleRepository}, idempotent), then hands
 * each market's latest 1m close to the stop-loss/take-profit/limit path in the same process
 * ({@link PriceIngestService#ingest}) — a market with no new 1m candle has no new price. An interval whose newest candle is stored costs one read and no request, so a
 * venue sees about one request per market a minute (Coinbase allows 10 a second per IP, Kraken's public endpoints
 * about one a second, Binance 6,000 weight a minute). A market the source cannot answer is skipped for this run; once
 * the source rate-limits past its back-offs ({@link PublicMarketHttp}), the run stops asking it, and the next minute
 * catches up.
 */
public class CandleIngestService {
    private static final Logger LOG = LoggerFactory.getLogger(CandleIngestService.class);
    static final List<CandleInterval> INTERVALS = List.of(CandleInterval.ONE_MINUTE, CandleInterval.FIVE_MINUTES,
            CandleInterval.ONE_HOUR);

    /** What one market's ingest did: candles newly stored per interval, or why it was skipped. */
    public record MarketResult(String symbol, String outcome, Map<String, Integer> stored) {}

    /** A run: each market's result and how many latest prices went to the price path. */
    public record Result(List<MarketResult> markets, int prices) {}

    private final MarketDataSource source;
    private final CandleRepository candles;
    private final PriceIngestService prices;
    private final Clock clock;
    private final List<String> markets;

    public CandleIngestService(MarketDataSource source, CandleRepository candles, PriceIngestService prices,
                               Clock clock, List<String> markets) {
        this.source = source;
        this.candles = candles;
        this.prices = prices;
        this.clock = clock;
        this.markets = List.copyOf(markets);
    }

    /**
     * Candles read at most per market and interval in one run: an hour of 1m candles, enough 5m candles for APEX's
     * warm-up and history (160) with room, two days of 1h candles.
     */
    static int backfill(CandleInterval interval) {
        return switch (interval) {
            case ONE_MINUTE -> 60;
            case FIVE_MINUTES -> 200;
            case ONE_HOUR -> 48;
        };
    }

    public Result ingest() {
        Instant now = clock.instant();
        List<MarketResult> results = new ArrayList<>();
        List<PriceUpdate> latest = new ArrayList<>();
        boolean rateLimited = false;
        for (String symbol : markets) {
            if (rateLimited) {
                results.add(new MarketResult(symbol, "skipped-rate-limited", Map.of()));
                continue;
            }
            try {
                Map<String, Integer> stored = new LinkedHashMap<>();
                for (CandleInterval interval : INTERVALS) {
                    List<Candle> closed = closedSinceStored(symbol, interval, now);
                    stored.put(interval.code(), closed.isEmpty() ? 0 : candles.store(symbol, interval, closed));
                    if (interval == CandleInterval.ONE_MINUTE && !closed.isEmpty()) {
                        Candle newest = closed.get(closed.size() - 1);
                        latest.add(new PriceUpdate(symbol, newest.close(), newest.closeTime(interval)));
                    }
                }
                results.add(new MarketResult(symbol, "stored", stored));
            } catch (MarketDataRateLimitedException e) {
                LOG.warn("{} rate-limits market data; the rest waits for the next run: {}", source.name(),
                        e.getMessage());
                rateLimited = true;
                results.add(new MarketResult(symbol, "rate-limited", Map.of()));
            } catch (MarketDataException e) {
                LOG.warn("no candles of {} from {} this run: {}", symbol, source.name(), e.getMessage());
                results.add(new MarketResult(symbol, "unavailable", Map.of()));
            }
        }
        if (!latest.isEmpty()) prices.ingest(latest);
        return new Result(results, latest.size());
    }

    /** The source's candles closed after the newest stored one (at most {@link #backfill}), oldest first. */
    private List<Candle> closedSinceStored(String symbol, CandleInterval interval, Instant now) {
        Instant lastOpen = interval.lastClosedOpen(now);
        Instant earliest = lastOpen.minus(interval.length().multipliedBy(backfill(interval) - 1L));
        Instant from = candles.latest(symbol, interval, 1, lastOpen.plus(interval.length())).stream().findFirst()
                .map(c -> c.openTime().plus(interval.length())).filter(t -> t.isAfter(earliest)).orElse(earliest);
        if (from.isAfter(lastOpen)) return List.of();
        return source.closedCandles(symbol, interval, from, lastOpen.plus(interval.length()), now);
    }
}
