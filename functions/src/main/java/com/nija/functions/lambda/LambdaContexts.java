package com.nija.functions.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.MicronautLambdaContext;

/** The application context a handler builds for itself in Lambda (its no-arg constructor). */
public final class LambdaContexts {
    private LambdaContexts() {}

    /**
     * What micronaut-function-aws's {@code LambdaApplicationContextBuilder} sets up (the {@code function} and
     * {@code lambda} environments, configuration built at start), but with singletons built on first use. Its builder
     * builds every singleton at start (turning that off afterwards does not undo it, hence a builder of our own); with
     * all of shared's services on the classpath a read route would build the strategy, the market-data HTTP client and
     * every repository's table schemas too. SnapStart priming runs the route before the checkpoint, so the snapshot
     * still holds what the route uses.
     */
    public static ApplicationContextBuilder builder() {
        return ApplicationContext.builder().environments(Environment.FUNCTION,
                MicronautLambdaContext.ENVIRONMENT_LAMBDA)
                .eagerInitConfiguration(true);
    }
}
