package com.nija.functions;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Handlers parse, authorize, call a service of {@code shared} and map its answer: they never touch the AWS SDK, Redis
 * or the data layer's tables. The item records services return and the queue definitions (which name the worker
 * queues a route reads) are the data layer's only types a handler may name.
 */
@AnalyzeClasses(packages = "com.nija.functions", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule handlersOnlyCallServices = noClasses().should().dependOnClassesThat(
            resideInAnyPackage("software.amazon.awssdk..", "io.lettuce..", "com.nija.shared.cache..")
                    .or(resideInAPackage("com.nija.shared.data..")
                            .and(not(simpleNameEndingWith("Item")))
                            .and(not(simpleName("Queues")))
                            .and(not(simpleName("QueueDefinition")))))
            .as("handlers depend on services, never on the SDK, Redis or the data layer's tables");
}
