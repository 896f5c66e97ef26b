package com.nija.cdk;

import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.AppConfig.RegionSpec;
import com.nija.cdk.config.RegionRole;
import com.nija.cdk.functions.FunctionCatalog;
import com.nija.cdk.functions.FunctionSpec;
import com.nija.cdk.site.DashboardFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: one {@link RegionalStack} per configured region ({@code nija-<stage>-<region>}), the primary first.
 * Run by {@code cdk synth|diff|deploy} through {@code cdk.json}, or by hand with {@code mvn -pl cdk-app exec:java},
 * which writes {@code cdk-app/cdk.out}.
 */
public final class NijaApp {
    private NijaApp() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        App app = launchedByCli() ? new App() : new App(AppProps.builder()
                .outdir(System.getProperty("nija.cdkOut", "cdk.out"))
                .context(cdkJsonContext(Path.of(System.getProperty("nija.cdkJson", "cdk.json"))))
                .build());
        List<RegionalStack> stacks = build(app, FunctionJar.locate());
        app.synth();
        System.out.printf("synthesized %d stacks %s in %.1f s%n", stacks.size(),
                stacks.stream().map(RegionalStack::getStackName).toList(), (System.nanoTime() - start) / 1e9);
    }

    /** The CDK CLI passes the output folder and the context (cdk.json + -c) in the environment. */
    private static boolean launchedByCli() {
        return System.getenv("CDK_OUTDIR") != null;
    }

    /**
     * Run by hand ({@code mvn -pl cdk-app exec:java}), the app reads cdk.json's context itself, so it synthesizes
     * exactly what {@code cdk synth} would (same stage, regions and feature flags).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cdkJsonContext(Path cdkJson) {
        if (!Files.isRegularFile(cdkJson)) return Map.of();
        try {
            Map<String, Object> json = new ObjectMapper().readValue(cdkJson.toFile(), Map.class);
            return (Map<String, Object>) json.getOrDefault("context", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cdkJson, e);
        }
    }

    /** Builds every stack of {@code app} from its context; tests call this with their own app. */
    public static List<RegionalStack> build(App app, Path functionJar) {
        return build(app, functionJar, DashboardFiles.locate());
    }

    /** As {@link #build(App, Path)}, with the built dashboard from {@code dashboardDir}. */
    public static List<RegionalStack> build(App app, Path functionJar, Path dashboardDir) {
        AppConfig config = AppConfig.from(key -> app.getNode().tryGetContext(key));
        List<String> handlers = FunctionCatalog.all().stream().map(FunctionSpec::handler).toList();
        FunctionJar.requireHandlers(functionJar, handlers);
        Tags.of(app).add("project", "nija");
        Tags.of(app).add("stage", config.stage().label());

        List<RegionalStack> stacks = new ArrayList<>();
        RegionSpec primarySpec = config.primary();
        RegionalStack primary = stack(app, config, primarySpec, functionJar, dashboardDir, Optional.empty());
        stacks.add(primary);
        RegionalStack.PrimaryExports exports = new RegionalStack.PrimaryExports(
                primary.users().orElseThrow().issuer(),
                primary.secrets().primaryBrokerKey().orElseThrow().getKeyArn(), primarySpec.region(),
                primary.api().api().getApiEndpoint());
        for (RegionSpec spec : config.regions()) {
            if (spec.role() == RegionRole.PRIMARY) continue;
            RegionalStack s = stack(app, config, spec, functionJar, dashboardDir, Optional.of(exports));
            // Replicas (table, secrets, key) are created by the primary stack: deploy it first.
            s.addStackDependency(primary, "the primary creates the table, secret and key replicas");
            stacks.add(s);
        }
        return stacks;
    }

    private static RegionalStack stack(App app, AppConfig config, RegionSpec spec, Path jar, Path dashboardDir,
                                       Optional<RegionalStack.PrimaryExports> primary) {
        Environment.Builder env = Environment.builder().region(spec.region());
        config.account().ifPresent(env::account);
        String name = "nija-" + config.stage().label() + "-" + spec.region();
        return new RegionalStack(app, name, StackProps.builder()
                .env(env.build())
                .stackName(name)
                .description("NIJA " + config.stage().label() + " " + spec.region() + " (" + spec.role().label() + ")")
                // The user pool id, client id and broker key ARN flow from the primary to the other regions.
                .crossRegionReferences(true)
                .terminationProtection(config.stage().isProd())
                .tags(Map.of("region-role", spec.role().label()))
                .build(), config, spec, jar, dashboardDir, primary);
    }
}
