package com.nija.functions.support;

import com.nija.shared.venues.VenueClients;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In a test context started with {@code nija.test.venues} (see {@link #use}), every venue is the test's
 * {@link ScriptedExchange} instead of the real clients.
 */
@Factory
@Requires(property = TestVenuesFactory.PROPERTY)
public class TestVenuesFactory {
    static final String PROPERTY = "nija.test.venues";
    private static final Map<String, ScriptedExchange> EXCHANGES = new ConcurrentHashMap<>();

    /** The property that makes a new context's venues {@code exchange}. */
    public static Map.Entry<String, Object> use(ScriptedExchange exchange) {
        String id = UUID.randomUUID().toString();
        EXCHANGES.put(id, exchange);
        return Map.entry(PROPERTY, id);
    }

    @Singleton
    @Replaces(VenueClients.class)
    VenueClients venueClients(Environment environment) {
        ScriptedExchange exchange = EXCHANGES.get(environment.getRequiredProperty(PROPERTY, String.class));
        if (exchange == null) throw new IllegalStateException("no scripted exchange for this context");
        return new VenueClients(exchange.clients());
    }
}
