package com.nija.local.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * The functions' context over the backends (the ones the environment names, else started for the run) with every
 * table created: what a one-off command (a drill) needs, without the gateway, workers or schedules.
 */
public final class ProvisionedRuntime implements AutoCloseable {
    private final Backends backends;
    private final FunctionRuntime runtime;

    private ProvisionedRuntime(Backends backends, FunctionRuntime runtime) {
        this.backends = backends;
        this.runtime = runtime;
    }

    public static ProvisionedRuntime start(Path home, Map<String, Object> overrides) {
        Backends backends = Backends.start(null);
        try {
            FunctionRuntime runtime = new FunctionRuntime(backends.dynamodbEndpoint(), backends.redisUrl(),
                    backends.sqsEndpoint(), LocalSecrets.cursorSecret(home), overrides);
            runtime.provisionTables();
            return new ProvisionedRuntime(backends, runtime);
        } catch (RuntimeException e) {
            backends.close();
            throw e;
        }
    }

    public FunctionRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            backends.close();
        }
    }
}
