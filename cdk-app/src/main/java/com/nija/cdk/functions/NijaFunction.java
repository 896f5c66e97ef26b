package com.nija.cdk.functions;

import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;

/**
 * A deployed function: triggers (API routes, event sources) always target {@link #alias()}, the published
 * SnapStart version, never {@code $LATEST}.
 */
public record NijaFunction(FunctionSpec spec, FunctionProfile profile, Function function, Alias alias,
                           LogGroup logGroup) {
    public String name() {
        return spec.function();
    }
}
