package com.nija.functions.support;

import com.nija.shared.config.ClockFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In a test context started with {@code nija.test.clock} (see {@link LocalBackends#newContext(Map, Clock)} and
 * billing's contexts), the domain clock is the test's own clock instead of the platform clock.
 */
@Factory
@Requires(property = TestClockFactory.PROPERTY)
public class TestClockFactory {
    static final String PROPERTY = "nija.test.clock";
    private static final Map<String, Clock> CLOCKS = new ConcurrentHashMap<>();

    /** The property that makes a new context use {@code clock}. */
    public static Map.Entry<String, Object> use(Clock clock) {
        String id = UUID.randomUUID().toString();
        CLOCKS.put(id, clock);
        return Map.entry(PROPERTY, id);
    }

    @Singleton
    @Replaces(factory = ClockFactory.class, bean = Clock.class)
    Clock clock(Environment environment) {
        String id = environment.getRequiredProperty(PROPERTY, String.class);
        Clock clock = CLOCKS.get(id);
        if (clock == null) throw new IllegalStateException("no test clock " + id);
        return clock;
    }
}
