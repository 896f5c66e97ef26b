package com.nija.functions.billing;

import com.nija.shared.config.ClockFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** In billing's test contexts only ({@code nija.test.billing-clock}), the domain clock is the test's {@link TestClock}. */
@Factory
@Requires(property = BillingClockFactory.PROPERTY)
public class BillingClockFactory {
    static final String PROPERTY = "nija.test.billing-clock";

    @Singleton
    @Replaces(factory = ClockFactory.class, bean = Clock.class)
    Clock clock(io.micronaut.context.env.Environment environment) {
        String id = environment.getRequiredProperty(PROPERTY, String.class);
        return BillingBackends.clockFor(id);
    }
}
