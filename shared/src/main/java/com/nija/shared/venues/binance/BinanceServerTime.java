package com.nija.shared.venues.binance;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code timestamp} a SIGNED request carries: our clock plus what Binance's clock ({@code GET /api/v3/time})
 * was found to differ by, per base URL. Binance refuses a timestamp more than 1 s ahead of its clock or older than
 * {@code recvWindow} (-1021). Our clock is trusted (offset zero) until Binance refuses one; then the client
 * {@link #resync re-syncs} and keeps the offset for {@link #MAX_AGE}, after which it re-syncs before the next signed
 * request, since clocks that drifted apart once keep drifting.
 */
final class BinanceServerTime {
    /** NTP-disciplined clocks drift milliseconds per hour: ten minutes keeps a learned offset far inside 1 s. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private record Offset(long millis, Instant learnedAt) {}

    private final VenueHttp http;
    private final Clock clock;
    private final Map<URI, Offset> offsets = new ConcurrentHashMap<>();

    BinanceServerTime(VenueHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    long timestamp(URI base) {
        Offset offset = offsets.get(base);
        if (offset != null && clock.instant().isAfter(offset.learnedAt().plus(MAX_AGE))) offset = resync(base);
        return clock.millis() + (offset == null ? 0 : offset.millis());
    }

    /** Learns Binance's clock again; the offset is measured to the middle of the round trip. */
    Offset resync(URI base) {
        long sent = clock.millis();
        VenueResponse response = http.send(BinanceRequests.publicGet(base, "/api/v3/time", Map.of()));
        long received = clock.millis();
        if (!response.ok()) {
            throw new BrokerException(BrokerException.Kind.NOT_PLACED, "could not read Binance's server time (HTTP "
                    + response.status() + ")");
        }
        long serverTime = BinanceJson.millis(response.json(), "serverTime");
        Offset offset = new Offset(serverTime - (sent + received) / 2, clock.instant());
        offsets.put(base, offset);
        return offset;
    }
}
