package com.nija.cdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * Accepted cdk-nag findings, written where the resource is made. Each names the rule and why it is acceptable.
 *
 * <p>This writes the {@code cdk_nag} template metadata that cdk-nag's {@code NagSuppressions} writes (and that its
 * rule packs read), so the app itself needs no cdk-nag dependency; the tests run {@code AwsSolutionsChecks} over
 * every stack and fail on any finding not accepted here.
 */
public final class Nag {
    private Nag() {}

    /** Suppress {@code ruleId} on {@code scope} and every CloudFormation resource under it. */
    public static void suppress(IConstruct scope, String ruleId, String reason) {
        suppress(scope, ruleId, reason, List.of());
    }

    /**
     * Suppress only the findings of {@code ruleId} whose finding id matches one of {@code appliesTo}: plain strings
     * match exactly ({@code "Resource::*"}), strings written {@code /regex/} match as regular expressions.
     */
    public static void suppress(IConstruct scope, String ruleId, String reason, List<String> appliesTo) {
        if (reason.length() < 10) throw new IllegalArgumentException("give " + ruleId + " a real reason");
        for (IConstruct c : scope.getNode().findAll()) {
            if (c instanceof CfnResource resource) add(resource, ruleId, reason, appliesTo);
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(CfnResource resource, String ruleId, String reason, List<String> appliesTo) {
        Object existing = resource.getMetadata("cdk_nag");
        Map<String, Object> meta = existing instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        List<Object> rules = new ArrayList<>((List<Object>) meta.getOrDefault("rules_to_suppress", List.of()));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", ruleId);
        rule.put("reason", reason);
        if (!appliesTo.isEmpty()) {
            List<Object> applies = new ArrayList<>();
            for (String a : appliesTo) {
                applies.add(a.length() > 1 && a.startsWith("/") ? Map.of("regex", a) : a);
            }
            rule.put("applies_to", applies);
        }
        rules.add(rule);
        meta.put("rules_to_suppress", rules);
        resource.addMetadata("cdk_nag", meta);
    }
}
