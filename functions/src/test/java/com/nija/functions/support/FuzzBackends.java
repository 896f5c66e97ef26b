package com.nija.functions.support;

import com.code_intelligence.jazzer.api.BugDetectors;
import io.micronaut.context.ApplicationContext;

/**
 * The test backends for fuzz targets that go through handlers. Handlers talk to dynalite, Redis and ElasticMQ on
 * this machine; Jazzer's server-side request forgery detector would report each of those connections, so loopback
 * ones are allowed — a connection anywhere else is still a finding.
 */
public final class FuzzBackends {
    private FuzzBackends() {}

    /**
     * Allows loopback connections. Jazzer resets the policy when fuzzing starts after the committed inputs, so a
     * target whose handler may open a new connection mid-run (a pooled one closed) calls this on every input.
     */
    public static void allowLoopback() {
        BugDetectors.allowNetworkConnections((host, port) ->
                host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1"));
    }

    /** The shared handler-test context, with loopback connections allowed. */
    public static ApplicationContext context() {
        allowLoopback();
        return LocalBackends.get().context();
    }
}
