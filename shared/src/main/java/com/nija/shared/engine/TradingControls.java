package com.nija.shared.engine;

import com.nija.shared.account.BotState;
import com.nija.shared.account.ProfileRepository;
import com.nija.shared.account.ProfileService;
import com.nija.shared.cache.UserCache;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * A trader pausing and resuming their bot; the engine reads the state before every new order, and the trader's other
 * devices hear of it through the {@link BotStateListener}s.
 */
@Singleton
public class TradingControls {
    private final ProfileRepository stored;
    private final ProfileService profiles;
    private final UserCache cache;
    private final Clock clock;
    private final List<BotStateListener> listeners;

    public TradingControls(ProfileRepository stored, ProfileService profiles, UserCache cache, Clock clock,
                           List<BotStateListener> listeners) {
        this.listeners = listeners;
        this.stored = stored;
        this.profiles = profiles;
        this.cache = cache;
        this.clock = clock;
    }

    public BotState setBotState(String userId, BotState state) {
        return setBotState(userId, state, (state == BotState.PAUSED ? "paused" : "resumed") + " by the trader");
    }

    /** @param reason who did it and why, as the trader's devices show it */
    public BotState setBotState(String userId, BotState state, String reason) {
        profiles.ensureExists(userId);
        stored.setBotState(userId, state, clock.instant());
        cache.invalidate(userId);
        listeners.forEach(l -> l.botStateChanged(userId, state, reason));
        return state;
    }
}
