package com.nija.shared.signals;

import com.nija.shared.data.Keys;
import com.nija.shared.data.SourceItem;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.problem.NotFoundException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ops do with signal and price sources: create one (its secret shown once), list them (never a secret), rotate
 * a secret (the previous one keeps verifying for {@code nija.sources.rotation-overlap}, 24 h by default, so senders
 * can switch without a gap), disable and enable. Writes are conditional on the version read, so two admins acting
 * at once never undo each other: the later one gets a conflict.
 */
@Singleton
public class SourceAdmin {
    /** Strategies one signal source may name; {@code *} means any. */
    static final int MAX_STRATEGIES = 50;
    private static final Logger LOG = LoggerFactory.getLogger(SourceAdmin.class);

    private final SourceRegistry registry;
    private final SourceSecrets secrets;
    private final Clock clock;
    private final Duration overlap;
    private final SourceRateLimits limits;

    public SourceAdmin(SourceRegistry registry, SourceSecrets secrets, Clock clock,
                       @Value("${nija.sources.rotation-overlap:24h}") Duration overlap, SourceRateLimits limits) {
        this.limits = limits;
        this.registry = registry;
        this.secrets = secrets;
        this.clock = clock;
        this.overlap = overlap;
    }

    /**
     * @param rateLimitPerMinute requests a minute it may send (1 to {@value SourceRateLimits#MAX_PER_MINUTE}); null
     *                           for the platform's default
     * @throws InvalidInputException (422) an id, kind, strategies or limit that break their rules
     * @throws ConflictException a source with this id exists
     */
    public IssuedSecret create(String id, String kind, List<String> strategies, Integer rateLimitPerMinute,
                               String by) {
        SourceKind k = validate(id, kind, strategies, rateLimitPerMinute);
        Instant now = clock.instant();
        String secret = SourceSecrets.generate();
        List<String> allowed = strategies == null ? List.of() : List.copyOf(strategies);
        SourceItem item = new SourceItem(Keys.source(id), SourceRegistry.SORT_KEY, id, k.name(), null, allowed, now,
                secrets.seal(id, k.name(), secret), null, null, null, null, SourceRegistry.LISTING, Keys.source(id),
                null, rateLimitPerMinute);
        if (!registry.createIfAbsent(item)) {
            throw new ConflictException("a source with id " + id + " exists already; rotate its secret instead");
        }
        LOG.info("source {} ({}) created by {}, limited to {} requests a minute", id, k, by,
                limits.perMinute(rateLimitPerMinute));
        return new IssuedSecret(SourceView.of(item, now, limits), secret);
    }

    /** Every source, by id. A source created a moment ago may take a second to appear (the listing is an index). */
    public List<SourceView> list() {
        Instant now = clock.instant();
        return registry.listed().stream().map(item -> SourceView.of(item, now, limits)).toList();
    }

    /**
     * A new secret for {@code id}; the current one keeps verifying until now + the overlap, then only the new one
     * does. Rotating again within the overlap ends the oldest secret at once (two are valid at most).
     *
     * @throws NotFoundException no source with this id
     */
    public IssuedSecret rotate(String id, String by) {
        String secret = SourceSecrets.generate();
        Instant now = clock.instant();
        SourceItem rotated = change(id, item -> {
            // A plain-text secret from before sealing is sealed as it moves to "previous", and the source is listed.
            String previous = item.sealedSecret() != null ? item.sealedSecret()
                    : item.secret() == null ? null : secrets.seal(id, item.kind(), item.secret());
            return item.withRotatedSecret(secrets.seal(id, item.kind(), secret), previous, now.plus(overlap), now)
                    .withListing(SourceRegistry.LISTING, Keys.source(id));
        });
        LOG.info("source {} secret rotated by {}; the previous one verifies until {}", id, by, now.plus(overlap));
        return new IssuedSecret(SourceView.of(rotated, now, limits), secret);
    }

    /** Refuses (401) everything the source sends from now on, until enabled again. Disabling twice changes nothing. */
    public SourceView disable(String id, String by) {
        Instant now = clock.instant();
        SourceItem item = change(id, i -> i.enabled() ? i.withDisabledAt(now) : i);
        LOG.info("source {} disabled by {}", id, by);
        return SourceView.of(item, now, limits);
    }

    public SourceView enable(String id, String by) {
        SourceItem item = change(id, i -> i.withDisabledAt(null));
        LOG.info("source {} enabled by {}", id, by);
        return SourceView.of(item, clock.instant(), limits);
    }

    /** Reads the source, applies {@code edit} and writes it back if nobody changed it in between. */
    private SourceItem change(String id, UnaryOperator<SourceItem> edit) {
        InputLimits.requireId(InputLimits.Id.SOURCE, "id", id);
        SourceItem item = registry.read(id);
        if (item == null) throw new NotFoundException("no source with id " + id);
        SourceItem changed = edit.apply(item);
        if (!registry.replaceIfUnchanged(changed)) {
            throw new ConflictException("source " + id + " was changed by someone else just now; read it and retry");
        }
        return changed;
    }

    private static SourceKind validate(String id, String kind, List<String> strategies, Integer rateLimitPerMinute) {
        List<Violation> violations = new ArrayList<>();
        InputLimits.checkId(InputLimits.Id.SOURCE, "id", id).ifPresent(violations::add);
        SourceKind k = null;
        if (kind == null || kind.isBlank()) violations.add(new Violation("kind", "is required (SIGNALS or PRICES)"));
        else {
            try {
                k = SourceKind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("kind", "must be SIGNALS or PRICES"));
            }
        }
        if (k == SourceKind.SIGNALS) checkStrategies(strategies, violations);
        if (k == SourceKind.PRICES && strategies != null && !strategies.isEmpty()) {
            violations.add(new Violation("strategies", "must be left out for a price source: it sends no signals"));
        }
        SourceRateLimits.check(rateLimitPerMinute).ifPresent(violations::add);
        if (!violations.isEmpty()) throw new InvalidInputException(violations, true);
        return k;
    }

    private static void checkStrategies(List<String> strategies, List<Violation> violations) {
        if (strategies == null || strategies.isEmpty()) {
            violations.add(new Violation("strategies", "is required: the strategies it may send for, or [\"*\"] for any"));
            return;
        }
        if (strategies.size() > MAX_STRATEGIES) {
            violations.add(new Violation("strategies", "must name at most " + MAX_STRATEGIES + " strategies"));
            return;
        }
        for (int i = 0; i < strategies.size(); i++) {
            String s = strategies.get(i);
            if ("*".equals(s)) continue;
            InputLimits.checkId(InputLimits.Id.KEY, "strategies[" + i + "]", s).ifPresent(violations::add);
        }
    }
}
