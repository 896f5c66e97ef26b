package com.nija.shared.settings;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.shared.account.ProfileService;
import com.nija.shared.account.TierCatalog;
import com.nija.shared.account.TierLimits;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.problem.VersionConflictException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads and replaces a trader's risk settings with optimistic locking, so two editors never silently overwrite. */
@Singleton
public class SettingsService {
    private static final Duration TTL = Duration.ofSeconds(60);
    /**
     * Cache namespace of the fan-out's per-source subscriber lists: any trader's settings change may add or drop
     * them from one, so every save makes all lists stale (one INCR).
     */
    public static final String SUBSCRIBERS_CACHE = "*subscribers";
    private static final JavaType TYPE = Json.MAPPER.constructType(RiskSettings.class);

    private final SettingsRepository settings;
    private final UserCache cache;
    private final ProfileService profiles;
    private final TierCatalog tiers;
    private final SignalSources sources;
    private final Clock clock;
    private final Instruments instruments;

    public SettingsService(SettingsRepository settings, UserCache cache, ProfileService profiles, TierCatalog tiers,
                           SignalSources sources, Clock clock, Instruments instruments) {
        this.instruments = instruments;
        this.settings = settings;
        this.cache = cache;
        this.profiles = profiles;
        this.tiers = tiers;
        this.sources = sources;
        this.clock = clock;
    }

    /** An allowed symbol NIJA does not trade would silently never match a signal: refused instead. */
    private void requireListed(List<String> symbols) {
        List<Violation> unlisted = symbols.stream().filter(s -> instruments.find(s).isEmpty())
                .map(s -> new Violation("allowedSymbols", "'" + s + "' is not a market NIJA trades")).toList();
        if (!unlisted.isEmpty()) throw new InvalidInputException(unlisted, true);
    }

    public RiskSettings get(String userId) {
        return cache.getOrLoad(userId, "settings", TTL, TYPE, () -> load(userId));
    }

    /**
     * Replaces the settings if {@code expectedVersion} is still the stored one.
     *
     * @throws InvalidInputException when a rule is broken or a subscription names no signal source (nothing written)
     * @throws VersionConflictException when someone saved in between (nothing written)
     */
    public RiskSettings replace(String userId, RiskSettings input, long expectedVersion) {
        TierLimits limits = tiers.limits(profiles.get(userId).tierAt(clock.instant()));
        RiskSettings valid = RiskSettingsValidator.validate(input, limits);
        requireListed(valid.allowedSymbols());
        requireRegistered(valid.subscriptions());
        boolean enabled = Boolean.TRUE.equals(valid.tradingEnabled());
        SettingsItem item = new SettingsItem(Keys.user(userId), Keys.SETTINGS, valid.positionSizePct(),
                valid.maxOpenPositions(), valid.dailyLossLimit(), valid.allowedSymbols(), valid.stopLossPct(),
                valid.takeProfitPct(), valid.allowShorts(), valid.tradingEnabled(), valid.subscriptions(),
                enabled ? Keys.enabledShard(userId) : null, enabled ? userId : null,
                Instant.now(clock), expectedVersion == 0 ? null : expectedVersion);
        try {
            settings.replace(item);
            // A trader who set up trading has a profile, so the admins' directory lists them and can act on them.
            profiles.ensureExists(userId);
        } finally {
            cache.invalidate(userId);
            cache.invalidate(SUBSCRIBERS_CACHE);
        }
        return load(userId);
    }

    private void requireRegistered(java.util.List<String> subscriptions) {
        java.util.List<Violation> unknown = subscriptions.stream().filter(id -> !sources.sendsSignals(id))
                .map(id -> new Violation("subscriptions", "'" + id + "' is not a registered signal source")).toList();
        if (!unknown.isEmpty()) throw new InvalidInputException(unknown, true);
    }

    private RiskSettings load(String userId) {
        return settings.find(userId).map(SettingsService::toSettings).orElseGet(() ->
                RiskSettings.defaults(RiskSettingsValidator.planMaxOpenPositions(tiers.limits(profiles.get(userId).tierAt(clock.instant())))));
    }

    /** The API view of a stored settings item. */
    public static RiskSettings toSettings(SettingsItem item) {
        return new RiskSettings(item.positionSizePct(), item.maxOpenPositions(), item.dailyLossLimit(),
                item.allowedSymbols() == null ? java.util.List.of() : item.allowedSymbols(), item.stopLossPct(),
                item.takeProfitPct(), item.allowShorts(), item.tradingEnabled(),
                item.subscriptions() == null ? java.util.List.of() : item.subscriptions(), item.version(), item.updatedAt());
    }
}
