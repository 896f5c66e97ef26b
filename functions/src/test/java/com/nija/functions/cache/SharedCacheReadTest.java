package com.nija.functions.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.nija.functions.support.LocalBackends;
import com.nija.shared.cache.RedisGateway;
import com.nija.shared.cache.UserCache;
import com.nija.shared.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link UserCache#getOrLoadShared}: a repeat hit skips the parse, but never serves anything Redis no longer holds. */
class SharedCacheReadTest {
    private static final JavaType NAMES = Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class);

    private final UserCache cache = LocalBackends.get().context().getBean(UserCache.class);
    private final RedisGateway redis = LocalBackends.get().context().getBean(RedisGateway.class);

    private List<String> read(String user, AtomicInteger loads) {
        return cache.getOrLoadShared(user, "names", Duration.ofSeconds(30), NAMES, () -> {
            loads.incrementAndGet();
            return List.of("a", "b");
        });
    }

    @Test
    @DisplayName("the same entry read twice is parsed once")
    void repeatHitReusesTheParsedValue() {
        String user = "shared-" + UUID.randomUUID();
        AtomicInteger loads = new AtomicInteger();
        read(user, loads);                          // miss: loads and stores

        List<String> first = read(user, loads);
        List<String> second = read(user, loads);

        assertThat(loads).hasValue(1);
        assertThat(first).containsExactly("a", "b");
        assertThat(second).isSameAs(first);
    }

    @Test
    @DisplayName("an entry changed in Redis under the same key is read as it now is")
    void changedEntryIsParsedAgain() {
        String user = "shared-" + UUID.randomUUID();
        AtomicInteger loads = new AtomicInteger();
        read(user, loads);
        read(user, loads);

        redis.write(r -> r.setex("v2:u:{" + user + "}:g0:names", 30, "[\"c\"]"));

        assertThat(read(user, loads)).containsExactly("c");
        assertThat(loads).hasValue(1);
    }

    @Test
    @DisplayName("invalidation still takes effect at once")
    void invalidationStillWorks() {
        String user = "shared-" + UUID.randomUUID();
        AtomicInteger loads = new AtomicInteger();
        read(user, loads);
        read(user, loads);

        cache.invalidate(user);
        read(user, loads);

        assertThat(loads).hasValue(2);
    }
}
