package com.nija.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * Synthesizes an app once per JVM and context, from the real function jar (a missing jar fails every test that asks,
 * it never skips). cdk-nag's AwsSolutionsChecks is attached to every app before synthesis.
 */
final class Synth {
    static final String ACCOUNT = "123456789012";
    static final String ORIGIN = "https://app.nija.example";
    static final String DOMAIN = "api.nija.example";
    static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";

    private static final Map<String, Result> CACHE = new ConcurrentHashMap<>();

    private Synth() {}

    /** Prod, the blueprint's three regions, DNS and an alarm address: the fullest app. */
    static Result prod() {
        return CACHE.computeIfAbsent("prod", k -> synth(Map.of("stage", "prod", "account", ACCOUNT,
                "dashboardOrigins", ORIGIN, "alarmEmail", "oncall@nija.example", "domainName", DOMAIN,
                "hostedZoneId", ZONE_ID, "hostedZoneName", "nija.example")));
    }

    /** Dev with the defaults (regions from the blueprint, no DNS, alarms off). */
    static Result dev() {
        return CACHE.computeIfAbsent("dev", k -> synth(Map.of("account", ACCOUNT)));
    }

    /** Any other context; {@code account} is added. */
    static Result with(Map<String, Object> context) {
        return CACHE.computeIfAbsent(context.toString(), k -> {
            Map<String, Object> c = new LinkedHashMap<>(context);
            c.put("account", ACCOUNT);
            return synth(c);
        });
    }

    static Path jar() {
        Path jar = FunctionJar.locate();
        assertThat(jar).as("function jar (build functions first)").isRegularFile();
        return jar;
    }

    private static Result synth(Map<String, Object> context) {
        try {
            Path out = Files.createTempDirectory("nija-cdk-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(out)));
            App app = new App(AppProps.builder().context(context).outdir(out.toString())
                    .analyticsReporting(false).build());
            long start = System.nanoTime();
            List<RegionalStack> stacks = NijaApp.build(app, jar());
            for (RegionalStack s : stacks) {
                Aspects.of(s).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
            }
            CloudAssembly assembly = app.synth();
            System.out.printf("synth %s: %.1f s%n", context.get("stage") == null ? context : context.get("stage"),
                    (System.nanoTime() - start) / 1e9);
            return new Result(stacks, assembly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each synth copies the 27 MB function jar into its cloud assembly: remove it when the JVM ends. */
    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }

    /** The synthesized app: its stacks, their templates and messages. */
    static final class Result {
        final List<RegionalStack> stacks;
        final CloudAssembly assembly;
        private final Map<String, Template> templates = new ConcurrentHashMap<>();
        private final Map<String, Map<String, Object>> flat = new ConcurrentHashMap<>();

        Result(List<RegionalStack> stacks, CloudAssembly assembly) {
            this.stacks = stacks;
            this.assembly = assembly;
        }

        RegionalStack stack(String region) {
            return stacks.stream().filter(s -> s.regionSpec().region().equals(region)).findFirst().orElseThrow();
        }

        CloudFormationStackArtifact artifact(RegionalStack stack) {
            return assembly.getStackByName(stack.getStackName());
        }

        /**
         * The stack's template with its nested stacks' resources merged in, as if it were one template: a nested
         * template's parameters are replaced by what the parent passes, and the parent's {@code Outputs.*} of a nested
         * stack by the output's value, so references read the same wherever CDK placed a resource.
         */
        Map<String, Object> json(RegionalStack stack) {
            return flat.computeIfAbsent(stack.getStackName(), n -> StackTemplates.of(stack, assembly).flattened());
        }

        /** Each template CloudFormation deploys for {@code stack} (the stack's own, then its nested stacks'). */
        StackTemplates templates(RegionalStack stack) {
            return StackTemplates.of(stack, assembly);
        }

        Template template(RegionalStack stack) {
            return templates.computeIfAbsent(stack.getStackName(), n -> Template.fromJSON(json(stack)));
        }

        Template template(String region) {
            return template(stack(region));
        }

        /** Resources of {@code type}: logical id → resource (Type, Properties, …). */
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> resources(RegionalStack stack, String type) {
            Map<String, Object> all = (Map<String, Object>) json(stack).get("Resources");
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            all.forEach((id, r) -> {
                Map<String, Object> res = (Map<String, Object>) r;
                if (type.equals(res.get("Type"))) out.put(id, res);
            });
            return out;
        }

        List<Map<String, Object>> properties(RegionalStack stack, String type) {
            return new ArrayList<>(resources(stack, type).values().stream().map(Synth::props).toList());
        }

        /** Properties of the {@code type} resources (routes, stages, authorizers…) that belong to {@code api}. */
        List<Map<String, Object>> ofApi(RegionalStack stack, String type, software.constructs.IConstruct api) {
            String apiId = stack.getLogicalId((software.amazon.awscdk.CfnElement) api.getNode().getDefaultChild());
            return properties(stack, type).stream().filter(p -> apiId.equals(at(p, "ApiId", "Ref"))).toList();
        }

        /** The HTTP API's resources of {@code type}. */
        List<Map<String, Object>> http(RegionalStack stack, String type) {
            return ofApi(stack, type, stack.api().api());
        }

        /** The WebSocket API's resources of {@code type}. */
        List<Map<String, Object>> live(RegionalStack stack, String type) {
            return ofApi(stack, type, stack.live().api());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object cur = node;
        for (String p : path) {
            if (!(cur instanceof Map<?, ?> m)) return null;
            cur = m.get(p);
        }
        return (T) cur;
    }

    /** A CloudFormation value as a list (single values become one-element lists). */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object v) {
        if (v == null) return List.of();
        return v instanceof List<?> l ? (List<Object>) l : List.of(v);
    }
}
