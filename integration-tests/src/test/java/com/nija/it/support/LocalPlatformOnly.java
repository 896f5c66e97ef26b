package com.nija.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that reaches behind the API as a whole (seeds data in {@code @BeforeAll}): against a deployed
 * stack ({@code NIJA_API_URL}) every test of it is reported as skipped, with the reason, and the reason is printed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalPlatformOnly.Condition.class)
public @interface LocalPlatformOnly {
    /** What the class needs the in-process platform for. */
    String value();

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            LocalPlatformOnly annotation = context.getElement()
                    .map(e -> e.getAnnotation(LocalPlatformOnly.class)).orElse(null);
            String url = ApiTarget.remoteUrl();
            if (annotation == null || url == null) return ConditionEvaluationResult.enabled("local platform");
            String reason = context.getDisplayName() + ": " + ApiTarget.skipReason(url, annotation.value());
            System.out.println("[it] " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
