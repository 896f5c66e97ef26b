package com.nija.shared.signals;

import com.nija.shared.alerts.AlertKind;
import com.nija.shared.alerts.AlertRaiser;
import com.nija.shared.alerts.OperatorAlert;
import com.nija.shared.data.SourceItem;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled quiet-source check: each watched source ({@link QuietSourceRules}) not heard from for longer than
 * its expected interval raises {@link AlertKind#SOURCE_QUIET} — once per quiet spell, because the spell's start (the
 * last time it was heard) is the alert's key. A source never heard from counts from its registration; a disabled
 * source is quiet on purpose and not checked.
 */
@Singleton
public class QuietSourceCheck {
    private static final Logger LOG = LoggerFactory.getLogger(QuietSourceCheck.class);

    private final QuietSourceRules rules;
    private final SourceRegistry registry;
    private final SourceActivityStore activity;
    private final AlertRaiser alerts;
    private final Clock clock;

    public QuietSourceCheck(QuietSourceRules rules, SourceRegistry registry, SourceActivityStore activity,
                            AlertRaiser alerts, Clock clock) {
        this.rules = rules;
        this.registry = registry;
        this.activity = activity;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * @param watched sources checked
     * @param quiet   sources quiet longer than their interval now
     * @param alerted of those, the ones whose spell was raised by this run (the others were raised before)
     */
    public record Report(int watched, List<String> quiet, List<String> alerted) {}

    public Report run() {
        Instant now = clock.instant();
        List<String> quiet = new ArrayList<>();
        List<String> alerted = new ArrayList<>();
        for (Map.Entry<String, Duration> watched : rules.intervals().entrySet()) {
            String id = watched.getKey();
            Optional<SourceItem> source = registry.find(id);
            if (source.isEmpty()) {
                LOG.warn("source {} is watched for quiet spells but not registered", id);
                continue;
            }
            if (!source.get().enabled()) continue;
            Instant since = activity.lastHeard(id).orElse(source.get().createdAt());
            if (since == null || !now.isAfter(since.plus(watched.getValue()))) continue;
            quiet.add(id);
            String detail = "nothing heard since " + since + " (" + Duration.between(since, now).toMinutes()
                    + " min); expected at least every " + watched.getValue().toMinutes() + " min";
            if (alerts.raise(new OperatorAlert(AlertKind.SOURCE_QUIET, "source " + id, detail,
                    id + "#" + since.getEpochSecond(), now))) {
                alerted.add(id);
            }
        }
        return new Report(rules.intervals().size(), quiet, alerted);
    }
}
