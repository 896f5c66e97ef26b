package com.nija.shared.config;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Which region trades. The table is a global table (replication is asynchronous, last writer wins), and a conditional
 * write only serializes against writes made in the same region: two regions could each record "the" close of one
 * position. So exactly one region, the engine region ({@code nija.engine-region}), accepts trading writes; every
 * other region forwards them to it ({@code nija.engine-api-url}) and serves reads from its own replica and cache.
 * Unset, this region is the engine (one region, the local platform).
 */
@Singleton
public class EngineRegion {
    private final String here;
    private final String engine;
    private final URI engineApiUrl;
    private final Duration standbyCacheTtl;

    public EngineRegion(NijaConfig config, @Value("${nija.engine-region:}") String engine,
                        @Value("${nija.engine-api-url:}") String engineApiUrl,
                        @Value("${nija.standby-cache-ttl-seconds:5}") long standbyCacheTtlSeconds) {
        this.here = config.getRegion();
        this.engine = engine == null || engine.isBlank() ? here : engine.trim();
        this.engineApiUrl = engineApiUrl == null || engineApiUrl.isBlank() ? null : URI.create(stripSlash(engineApiUrl.trim()));
        this.standbyCacheTtl = Duration.ofSeconds(Math.max(1, standbyCacheTtlSeconds));
    }

    /** This function's region. */
    public String here() {
        return here;
    }

    /** The region that accepts trading writes. */
    public String engine() {
        return engine;
    }

    /** True when this region accepts trading writes itself. */
    public boolean isHere() {
        return engine.equals(here);
    }

    /** The engine region's API (scheme://host[/stage]), where this region forwards trading writes; empty if unknown. */
    public Optional<URI> engineApiUrl() {
        return isHere() ? Optional.empty() : Optional.ofNullable(engineApiUrl);
    }

    /**
     * How long a cached view may live here. The engine region invalidates its own cache on every write; other
     * regions never hear of those writes, so their entries live only this long (default 5 s) and a trader sees a
     * change made through the engine region within that time anywhere.
     */
    public Duration cacheTtl(Duration wanted) {
        return isHere() || wanted.compareTo(standbyCacheTtl) <= 0 ? wanted : standbyCacheTtl;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
