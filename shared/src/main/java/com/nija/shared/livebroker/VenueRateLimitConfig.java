package com.nija.shared.livebroker;

import com.nija.shared.venues.Venue;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token bucket each venue key gets, shared by every function using the key: {@code <tokens>/<period>} — the bucket
 * holds {@code tokens} and refills that many per {@code period} ({@code s} or {@code m}). Every call to the venue with
 * the key (place, look up, cancel) takes one token. Set per venue with {@code nija.venue-rate-limit.<venue>}
 * ({@code NIJA_VENUE_RATE_LIMIT_KRAKEN=20/20s} for a Kraken Pro account). Defaults follow each venue's documented limit
 * for the least privileged account:
 * <ul>
 *   <li>Coinbase Advanced Trade: private REST endpoints, 30 requests per second per user → {@code 30/1s};</li>
 *   <li>Kraken: the REST API counter, at most 15, decaying 0.33 per second on a Starter account → {@code 15/45s};</li>
 *   <li>OKX: place and query order, 60 requests per 2 seconds per user and instrument → {@code 60/2s};</li>
 *   <li>Binance: 50 orders per 10 seconds per account (the spot ORDERS limit) → {@code 50/10s};</li>
 *   <li>Alpaca: the trading API, 200 requests per minute per account → {@code 200/60s}.</li>
 * </ul>
 * {@code nija.venue-rate-limit.enabled=false} switches the limiter off (the venues' own limits still answer 429).
 */
@ConfigurationProperties("nija.venue-rate-limit")
public class VenueRateLimitConfig {
    private static final Pattern BUCKET = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*([sm])\\s*");

    /** A bucket of {@code capacity} tokens that refills {@code capacity} per {@code period}. */
    public record Bucket(int capacity, Duration period) {
        public Bucket {
            if (capacity < 1) throw new IllegalArgumentException("a bucket holds at least one token");
            if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("a refill period is positive");
        }

        /** {@code 30/1s}, {@code 200/60s}, {@code 100/1m}. */
        public static Bucket parse(String text) {
            Matcher m = BUCKET.matcher(text == null ? "" : text);
            if (!m.matches()) {
                throw new IllegalArgumentException("a venue rate limit is <tokens>/<period>, e.g. 30/1s or 200/1m: "
                        + text);
            }
            long amount = Long.parseLong(m.group(2));
            Duration period = m.group(3).equals("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
            return new Bucket(Integer.parseInt(m.group(1)), period);
        }
    }

    private boolean enabled = true;
    private final Map<Venue, Bucket> buckets = new EnumMap<>(Map.of(
            Venue.COINBASE, Bucket.parse("30/1s"),
            Venue.KRAKEN, Bucket.parse("15/45s"),
            Venue.OKX, Bucket.parse("60/2s"),
            Venue.BINANCE, Bucket.parse("50/10s"),
            Venue.ALPACA, Bucket.parse("200/60s")));

    public Bucket bucket(Venue venue) {
        return buckets.get(venue);
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public void setCoinbase(String bucket) { buckets.put(Venue.COINBASE, Bucket.parse(bucket)); }
    public void setKraken(String bucket) { buckets.put(Venue.KRAKEN, Bucket.parse(bucket)); }
    public void setOkx(String bucket) { buckets.put(Venue.OKX, Bucket.parse(bucket)); }
    public void setBinance(String bucket) { buckets.put(Venue.BINANCE, Bucket.parse(bucket)); }
    public void setAlpaca(String bucket) { buckets.put(Venue.ALPACA, Bucket.parse(bucket)); }
}
