package com.nija.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Keeps the Lambda {@link Context} out of the bean context. Micronaut's default registers the invocation's
 * {@code Context} and {@code LambdaLogger} as singletons on every {@code handleRequest}; each registration adds a
 * bean definition that is never removed, so a warm function leaks two definitions per invocation and every later
 * registration scans them all (measured with micronaut-function-aws 4.11: 0.7 ms a call after 2,000 calls, 18 ms
 * after 12,000). Our handlers take nothing from it: the request id reaches the logs through the MDC, which
 * {@code DiagnosticInfoPopulator} still fills on every call. And with the local platform's one shared context, a
 * per-invocation singleton would be another concurrent request's context anyway.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public class InvocationContextFactory implements LambdaContextFactory {
    @Override
    public void registerSingletons(Context context) {
        // deliberately nothing: see the class comment
    }
}
