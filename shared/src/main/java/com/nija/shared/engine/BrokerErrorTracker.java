package com.nija.shared.engine;

import com.nija.shared.account.ProfileRepository;
import com.nija.shared.cache.UserCache;
import jakarta.inject.Singleton;

/** NIJA pauses a trader's bot after 5 consecutive broker errors; a successful order resets the count. */
@Singleton
public class BrokerErrorTracker {
    static final int PAUSE_AFTER = 5;

    private final ProfileRepository profiles;
    private final UserCache cache;

    public BrokerErrorTracker(ProfileRepository profiles, UserCache cache) {
        this.profiles = profiles;
        this.cache = cache;
    }

    /** Counts a failure; returns true when this one paused the bot. */
    public boolean failed(String userId) {
        if (profiles.addBrokerError(userId) < PAUSE_AFTER) return false;
        profiles.pause(userId);
        cache.invalidate(userId);
        return true;
    }

    /** Resets the count after a success; costs a write only when there was something to reset. */
    public void succeeded(String userId, Long errorsBefore) {
        if (errorsBefore == null || errorsBefore == 0) return;
        profiles.resetBrokerErrors(userId);
    }
}
