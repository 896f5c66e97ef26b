package com.nija.shared.account;

import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/** Reads a trader's profile; a trader seen for the first time has NIJA's starting paper account. */
@Singleton
public class ProfileService {
    /** Paper ("education") mode starts every trader with $10,000 of simulated money. */
    public static final BigDecimal STARTING_BALANCE = new BigDecimal("10000.00");

    private final ProfileRepository profiles;

    public ProfileService(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    public ProfileItem get(String userId) {
        return profiles.find(userId).orElseGet(() -> newTrader(userId));
    }

    /** Writes the starting profile for a trader seen for the first time; leaves an existing one alone. */
    public void ensureExists(String userId) {
        profiles.createIfAbsent(newTrader(userId));
    }

    /** The profile a trader seen for the first time gets (also a backtest's trader). */
    public static ProfileItem newTrader(String userId) {
        return new ProfileItem(Keys.user(userId), Keys.PROFILE, userId, null, TierCatalog.DEFAULT_TIER, "none",
                BotState.RUNNING.name(), STARTING_BALANCE, 0L, null, null, null);
    }
}
