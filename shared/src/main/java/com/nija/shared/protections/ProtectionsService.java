package com.nija.shared.protections;

import com.nija.shared.data.Keys;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The trader's side of the protections: reading where they stand, changing the thresholds, restarting the peak. */
@Singleton
public class ProtectionsService {
    private final ProtectionStore store;
    private final Clock clock;

    public ProtectionsService(ProtectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ProtectionsView view(String userId) {
        ProtectionSettings settings = ProtectionSettingsItem.inForce(store.settings(userId).orElse(null));
        ProtectionStateItem state = store.state(userId);
        Instant now = clock.instant();
        List<ProtectionsView.Cooldown> cooling = state.cooling().entrySet().stream()
                .filter(e -> e.getValue() > now.getEpochSecond())
                .map(e -> new ProtectionsView.Cooldown(e.getKey(), Instant.ofEpochSecond(e.getValue())))
                .sorted(Comparator.comparing(ProtectionsView.Cooldown::symbol)).toList();
        return new ProtectionsView(settings.shown(), state.equityPeak(), state.peakAt(), state.level(), cooling,
                ProtectionRules.utcDay(now).equals(state.profitTargetDay()), ProtectionTrips.read(state.tripLog()));
    }

    /**
     * Replaces the protections if {@code expectedVersion} is still the stored one (0: none saved yet), and restarts
     * the equity peak when asked ({@code resetPeak}).
     *
     * @throws com.nija.shared.problem.InvalidInputException when a rule is broken (nothing written)
     * @throws com.nija.shared.problem.VersionConflictException when someone saved in between (nothing written)
     */
    public ProtectionsView replace(String userId, ProtectionSettings input, long expectedVersion) {
        ProtectionSettings valid = ProtectionSettingsValidator.validate(input);
        store.replace(new ProtectionSettingsItem(Keys.user(userId), Keys.PROTECTIONS, valid.drawdownWarnPct(),
                valid.drawdownStopPct(), valid.stoplossGuardTrades(), valid.stoplossGuardLookbackMinutes(),
                valid.stoplossGuardStopMinutes(), valid.dailyProfitTarget(), clock.instant(),
                expectedVersion == 0 ? null : expectedVersion));
        if (Boolean.TRUE.equals(valid.resetPeak())) {
            store.update(userId, null, st -> new ProtectionStateItem(st.pk(), st.sk(), null, null, DrawdownLevel.NONE,
                    st.stopHits(), st.cooldowns(), st.profitTargetDay(), st.trips(), st.version()));
        }
        return view(userId);
    }
}
