package com.nija.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the class only where Testcontainers finds a Docker engine; elsewhere the class is reported as skipped
 * with the reason, and the reason is printed, so a run without Docker says what it left out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
public @interface RequiresDocker {
    /** What the class needs Docker for, for the skip message. */
    String value();

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            RequiresDocker annotation = context.getElement()
                    .map(e -> e.getAnnotation(RequiresDocker.class)).orElse(null);
            if (annotation == null) return ConditionEvaluationResult.enabled("not a Docker test");
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return ConditionEvaluationResult.enabled("a Docker engine answers");
            }
            String reason = context.getDisplayName() + " skipped: no Docker engine answers here, so "
                    + annotation.value() + " cannot run (start Docker or set DOCKER_HOST to run it)";
            System.out.println("[it] " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
