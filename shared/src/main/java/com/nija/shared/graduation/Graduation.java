package com.nija.shared.graduation;

import com.nija.shared.account.ProfileRepository;
import com.nija.shared.brokers.LiveTradingPrerequisite;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.RollupItem;
import com.nija.shared.input.InputLimits;
import com.nija.shared.performance.RollupRepository;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.NotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * A trader's progress from paper to live, read from three items (profile, lifetime roll-up, waiver), never from their
 * trades. The lifetime roll-up counts every closed round trip; before a trader has graduated none of them can be live
 * (live trading needs graduation), so until then it counts paper trades exactly.
 */
@Singleton
public class Graduation implements LiveTradingPrerequisite {
    private final ProfileRepository profiles;
    private final RollupRepository rollups;
    private final GraduationRepository waivers;
    private final GraduationConfig config;
    private final Clock clock;

    public Graduation(ProfileRepository profiles, RollupRepository rollups, GraduationRepository waivers,
                      GraduationConfig config, Clock clock) {
        this.profiles = profiles;
        this.rollups = rollups;
        this.waivers = waivers;
        this.config = config;
        this.clock = clock;
    }

    public GraduationProgress progress(String userId) {
        RollupItem lifetime = rollups.lifetime(userId).orElse(null);
        long trades = lifetime == null || lifetime.closedTrades() == null ? 0 : lifetime.closedTrades();
        long wins = lifetime == null || lifetime.wins() == null ? 0 : lifetime.wins();
        GraduationProgress.Waiver waiver = waivers.waiver(userId)
                .map(w -> new GraduationProgress.Waiver(w.grantedBy(), w.grantedAt(), w.reason())).orElse(null);
        return GraduationRules.judge(config.criteria(), trades, wins,
                profiles.find(userId).map(ProfileItem::createdAt).orElse(null), clock.instant(), waiver);
    }

    /**
     * Records an admin's waiver of the criteria for {@code traderId}; a trader who has one keeps the first.
     *
     * @throws InvalidInputException 400/422 a malformed trader id, a missing or over-long reason
     * @throws NotFoundException     404 no such trader
     */
    public GraduationProgress waive(String traderId, String reason, String adminId) {
        InputLimits.requireId(InputLimits.Id.USER, "id", traderId);
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required: why this trader may trade live without graduating");
        }
        String why = InputLimits.requireText("reason", reason.strip());
        if (profiles.find(traderId).isEmpty()) throw new NotFoundException("no trader " + traderId);
        waivers.createIfAbsent(new GraduationWaiverItem(Keys.user(traderId), GraduationWaiverItem.SK, traderId, why,
                adminId, clock.instant()));
        return progress(traderId);
    }

    @Override
    public Optional<String> missing(String userId) {
        GraduationProgress p = progress(userId);
        return p.graduated() ? Optional.empty() : Optional.of("graduation from paper trading: "
                + String.join(", ", p.unmet()) + " (or an admin's waiver)");
    }
}
