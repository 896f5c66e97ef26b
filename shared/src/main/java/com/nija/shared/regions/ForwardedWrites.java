package com.nija.shared.regions;

import com.nija.shared.cache.UserCache;
import jakarta.inject.Singleton;

/**
 * What a region does after forwarding a trader's trading write to the engine region: the engine invalidated its own
 * cache, this region's copy of the trader's views must not outlive the change (even a refusal, such as a 409, says
 * another request changed something; one INCR costs less than a stale view).
 */
@Singleton
public class ForwardedWrites {
    private final UserCache cache;

    public ForwardedWrites(UserCache cache) {
        this.cache = cache;
    }

    public void answered(String userId) {
        cache.invalidate(userId);
    }
}
