package com.nija.shared;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The layers of {@code shared}: the order model ({@code order}) below the data layer ({@code data}: tables, keys,
 * items), below the features; features may depend on each other only one way (no package cycles), and the engine and
 * price ingest reach brokers only through the broker ports. Services speak to storage in domain operations: only a
 * feature's storage classes — named {@code …Repository}, {@code …Store}, {@code …Registry} or {@code …Book} — and the
 * data layer itself build DynamoDB requests, expressions and conditions or catch a failed condition. A service may
 * still notice that DynamoDB refused it at all ({@link DynamoDbException}), and the SDK's interceptors (the write
 * counter) see the requests they watch.
 */
@AnalyzeClasses(packages = "com.nija.shared", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] FEATURES = {"com.nija.shared.account..", "com.nija.shared.billing..",
        "com.nija.shared.broker..", "com.nija.shared.brokers..", "com.nija.shared.dashboard..", "com.nija.shared.engine..",
        "com.nija.shared.health..", "com.nija.shared.live..", "com.nija.shared.market..", "com.nija.shared.marketdata..",
        "com.nija.shared.performance..", "com.nija.shared.prices..", "com.nija.shared.reconcile..",
        "com.nija.shared.settings..", "com.nija.shared.strategy..",
        "com.nija.shared.signals..", "com.nija.shared.trading.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.nija.shared.(*)..")
            .should().beFreeOfCycles()
            .as("no package of shared depends on itself through others");

    @ArchTest
    static final ArchRule dataLayerBelowFeatures = noClasses().that().resideInAPackage("com.nija.shared.data..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .as("the data layer knows tables, keys and items, not features");

    @ArchTest
    static final ArchRule orderModelStandsAlone = noClasses().that().resideInAPackage("com.nija.shared.order..")
            .should().dependOnClassesThat().resideOutsideOfPackages("com.nija.shared.order..", "java..",
                    "com.fasterxml.jackson.annotation..")
            .as("the order model depends on nothing of NIJA's");

    @ArchTest
    static final ArchRule brokersOnlyThroughPorts = noClasses().that()
            .resideInAnyPackage("com.nija.shared.engine..", "com.nija.shared.prices..", "com.nija.shared.signals..")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("PaperBroker")
            .as("the engine and price ingest reach brokers only through the Broker and RestingOrders ports");

    /** A class that stores a feature's items: its name says so. */
    private static final DescribedPredicate<JavaClass> STORAGE = simpleNameEndingWith("Repository")
            .or(simpleNameEndingWith("Store")).or(simpleNameEndingWith("Registry")).or(simpleNameEndingWith("Book"))
            .as("a repository, store, registry or book");

    @ArchTest
    static final ArchRule onlyStorageTalksToDynamoDb = noClasses().that(not(STORAGE))
            .and(not(assignableTo(ExecutionInterceptor.class)))
            .and().resideOutsideOfPackages("com.nija.shared.data..", "com.nija.shared.config..")
            .should().dependOnClassesThat(resideInAnyPackage("software.amazon.awssdk.services.dynamodb..",
                    "software.amazon.awssdk.enhanced.dynamodb..").and(not(type(DynamoDbException.class))))
            .as("only repositories, stores, registries, books and the data layer build DynamoDB requests, "
                    + "expressions and conditions; services speak in domain operations");
}
