package com.nija.shared.performance;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.shared.account.ProfileService;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.RollupItem;
import com.nija.shared.data.RollupPeriod;
import com.nija.shared.json.Json;
import com.nija.shared.trading.PositionStatus;
import com.nija.shared.trading.PositionView;
import com.nija.shared.trading.PositionsService;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Performance from roll-ups, never by scanning trades: one range query for the period, one item for lifetime
 * totals (to know the equity the period started from), and the open positions for unrealized P&L.
 */
@Singleton
public class PerformanceService {
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final JavaType TYPE = Json.MAPPER.constructType(PerformanceReport.class);

    private final RollupRepository rollups;
    private final ProfileService profiles;
    private final PositionsService positions;
    private final UserCache cache;
    private final Clock clock;

    public PerformanceService(RollupRepository rollups, ProfileService profiles, PositionsService positions,
                              UserCache cache, Clock clock) {
        this.rollups = rollups;
        this.profiles = profiles;
        this.positions = positions;
        this.cache = cache;
        this.clock = clock;
    }

    public PerformanceReport report(String userId, PerformancePeriod period) {
        return cache.getOrLoad(userId, "performance:" + period.label(), TTL, TYPE, () -> compute(userId, period));
    }

    private PerformanceReport compute(String userId, PerformancePeriod period) {
        Instant now = clock.instant();
        RollupPeriod granularity = period.granularity();
        List<String> labels = labels(userId, period, now);
        Map<String, RollupItem> byLabel = rollups.range(userId, granularity, labels.get(0), labels.get(labels.size() - 1))
                .stream().collect(Collectors.toMap(RollupItem::bucket, Function.identity(), (a, b) -> a));
        List<Bucket> buckets = labels.stream().map(l -> toBucket(l, byLabel.get(l))).toList();
        BigDecimal periodRealized = buckets.stream().map(Bucket::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lifetimeRealized = rollups.lifetime(userId).map(RollupItem::realizedPnl).map(PerformanceService::orZero)
                .orElse(BigDecimal.ZERO);
        BigDecimal startEquity = profiles.get(userId).startingBalance().add(lifetimeRealized).subtract(periodRealized);
        // Net of the fees already paid to open them, so endEquity equals the dashboard's cash + positions.
        BigDecimal unrealized = positions.list(userId, PositionStatus.OPEN).stream()
                .map(p -> p.unrealizedPnl().subtract(p.fees() == null ? BigDecimal.ZERO : p.fees()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int perYear = granularity == RollupPeriod.HOUR ? 365 * 24 : 365;
        return PerformanceCalculator.compute(period.label(), granularity.name().toLowerCase(), buckets, startEquity,
                unrealized, perYear);
    }

    private List<String> labels(String userId, PerformancePeriod period, Instant now) {
        List<String> labels = new ArrayList<>();
        if (period.granularity() == RollupPeriod.HOUR) {
            Instant hour = now.truncatedTo(ChronoUnit.HOURS);
            long hours = period.length().toHours();
            for (long i = hours - 1; i >= 0; i--) labels.add(Keys.bucket(RollupPeriod.HOUR, hour.minus(i, ChronoUnit.HOURS)));
            return labels;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = period.length() != null
                ? today.minusDays(period.length().toDays() - 1)
                : firstDay(userId).orElse(today);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) labels.add(d.toString());
        return labels;
    }

    private java.util.Optional<LocalDate> firstDay(String userId) {
        return rollups.all(userId, RollupPeriod.DAY).stream().findFirst().map(r -> LocalDate.parse(r.bucket()));
    }

    private static Bucket toBucket(String label, RollupItem r) {
        if (r == null) return Bucket.empty(label);
        return new Bucket(label, orZero(r.realizedPnl()), orZero(r.fees()), orZero(r.closedTrades()), orZero(r.wins()),
                orZero(r.losses()), orZero(r.grossProfit()), orZero(r.grossLoss()));
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
