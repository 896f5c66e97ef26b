package com.nija.cdk.functions;

import com.nija.cdk.api.RouteGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nested stack each function lives in, read off the route table: an HTTP function goes with its first route's
 * {@link RouteGroup} ({@code TraderRead}, {@code Staff}, …), queue workers in {@code Workers}, scheduled functions in
 * {@code Scheduled}, the WebSocket routes and their authorizer in {@code Live}, anything else in {@code Other}. A new
 * route, {@code Access} kind or worker lands in a stack with no change here.
 *
 * <p>Why: CloudFormation allows 500 resources per template, and each function brings about ten (function, version,
 * alias, role, policy, log group, routes, integration, permissions, event sources). A group holds at most
 * {@link #MAX_FUNCTIONS} functions; beyond that it continues in {@code <Group>2}, {@code <Group>3}, … in route table
 * order, so rows added at the end of a group's block land in its last stack. A function that moves to another stack
 * is created there before it is deleted from the old one, and its fixed name would collide: add rows after a group's
 * existing ones, or rename the function when it must move.
 */
public final class FunctionStacks {
    /** Functions per nested stack: ~10 resources each keeps a full stack near 200 (40 % of CloudFormation's 500). */
    public static final int MAX_FUNCTIONS = 20;

    private FunctionStacks() {}

    /** Nested stack id → its functions, in catalog order. */
    public static Map<String, List<FunctionSpec>> place(List<FunctionSpec> specs) {
        return place(specs, MAX_FUNCTIONS);
    }

    static Map<String, List<FunctionSpec>> place(List<FunctionSpec> specs, int maxFunctions) {
        Map<String, List<FunctionSpec>> byGroup = new LinkedHashMap<>();
        for (FunctionSpec spec : specs) byGroup.computeIfAbsent(group(spec), g -> new ArrayList<>()).add(spec);
        Map<String, List<FunctionSpec>> stacks = new LinkedHashMap<>();
        byGroup.forEach((group, members) -> {
            for (int i = 0; i < members.size(); i += maxFunctions) {
                int part = i / maxFunctions + 1;
                stacks.put(part == 1 ? group : group + part,
                        List.copyOf(members.subList(i, Math.min(members.size(), i + maxFunctions))));
            }
        });
        return stacks;
    }

    /** The group of one function, named in CamelCase ({@code TRADER_READ} → {@code TraderRead}). */
    static String group(FunctionSpec spec) {
        if (spec.isHttp()) return camel(RouteGroup.of(spec.routes().get(0)).name());
        if (spec.worker().isPresent()) return "Workers";
        if (spec.schedule().isPresent()) return "Scheduled";
        if (spec.isWebSocket()) return "Live";
        return "Other";
    }

    private static String camel(String constant) {
        StringBuilder sb = new StringBuilder();
        for (String part : constant.toLowerCase(java.util.Locale.ROOT).split("_")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
