package com.nija.shared.signals;

import com.nija.shared.observability.DryRun;
import com.nija.shared.observability.Telemetry;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes when each source was last heard from (a signal or price batch accepted), for the quiet-source alert
 * ({@link QuietSourceCheck}). Written at most once a {@link #GRANULARITY} per source per function instance, so a busy
 * feed costs one small write a minute, not one per request; never fails the intake that calls it (a failed write is
 * logged and counted).
 */
@Singleton
public class SourceActivity {
    /** How stale a last-heard time may be: far finer than any expected interval worth alerting on. */
    static final Duration GRANULARITY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SourceActivity.class);

    private final SourceActivityStore store;
    private final ConcurrentHashMap<String, Instant> written = new ConcurrentHashMap<>();

    public SourceActivity(SourceActivityStore store) {
        this.store = store;
    }

    /** {@code source}'s signal or price batch was accepted at {@code now}. */
    public void heard(VerifiedSource source, Instant now) {
        if (DryRun.active()) return; // priming hears no one
        Instant last = written.get(source.sourceId());
        if (last != null && now.isBefore(last.plus(GRANULARITY)) && !now.isBefore(last)) return;
        try {
            store.heard(source.sourceId(), now);
            written.put(source.sourceId(), now);
        } catch (RuntimeException e) {
            Telemetry.count("SourceActivityFailed");
            LOG.warn("could not record that source {} was heard: {}", source.sourceId(), e.getClass().getSimpleName());
        }
    }
}
