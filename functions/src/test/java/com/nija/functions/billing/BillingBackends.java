package com.nija.functions.billing;

import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.MutableClock;
import com.nija.functions.support.TestClockFactory;
import com.nija.shared.data.TableProvisioner;
import com.nija.shared.data.Tables;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A context of billing's own on the shared dynalite and Redis ({@link LocalBackends}): the Stripe webhook secret, and
 * a {@link MutableClock} in place of the system clock. {@link #forTable} gives a context on a table of its own, for tests
 * (finance metrics) that must not see other tests' subscriptions.
 */
final class BillingBackends {
    /** Where every billing clock starts, and where the shared one is put back for each new customer. */
    static final Instant START = Instant.parse("2026-11-02T09:15:00Z");
    static final String WEBHOOK_SECRET = "whsec_handlerTestsBillingSecret0123456789";
    private static final Map<String, BillingBackends> BY_TABLE = new HashMap<>();

    private final ApplicationContext context;
    private final MutableClock clock;

    private BillingBackends(String table) {
        this(table, Map.of());
    }

    private BillingBackends(String table, Map<String, Object> extra) {
        ApplicationContext shared = LocalBackends.get().context();
        clock = new MutableClock(START);
        Map<String, Object> properties = new HashMap<>();
        for (String key : new String[] {"nija.dynamodb-endpoint", "nija.redis-url", "nija.cursor-secret",
                "nija.redis-timeout-millis"}) {
            properties.put(key, shared.getRequiredProperty(key, String.class));
        }
        properties.put("nija.billing.stripe-webhook-secret", WEBHOOK_SECRET);
        Map.Entry<String, Object> useClock = TestClockFactory.use(clock);
        properties.put(useClock.getKey(), useClock.getValue());
        if (table != null) properties.put("nija.trading-table", table);
        properties.putAll(extra);
        context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
        if (context.getBean(Clock.class) != clock) throw new IllegalStateException("the test clock did not replace the system clock");
        if (table != null) {
            TableProvisioner provisioner = new TableProvisioner(context.getBean(DynamoDbClient.class));
            provisioner.ensure(Tables.TRADING, table); // the audit table stays the shared one
        }
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }

    /** On the shared trading table. */
    static synchronized BillingBackends get() {
        return forTable(null);
    }

    static synchronized BillingBackends forTable(String table) {
        return BY_TABLE.computeIfAbsent(String.valueOf(table), t -> new BillingBackends(table));
    }


    /** On the shared trading table, with billing settings of its own (e.g. Stripe's API base at a stand-in). */
    static synchronized BillingBackends with(Map<String, Object> billingSettings) {
        return BY_TABLE.computeIfAbsent("settings:" + billingSettings, k -> new BillingBackends(null, billingSettings));
    }

    ApplicationContext context() {
        return context;
    }

    MutableClock clock() {
        return clock;
    }
}
