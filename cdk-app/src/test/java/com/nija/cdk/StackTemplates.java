package com.nija.cdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.constructs.IConstruct;

/**
 * Every template CloudFormation deploys for one stack: its own and those of its nested stacks (at any depth), read
 * from the synthesized cloud assembly. {@link #flattened()} merges them into one template for tests that look
 * resources up wherever CDK placed them.
 */
final class StackTemplates {
    /** One template: the construct path of its stack and its JSON. */
    record One(String path, Map<String, Object> json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resources() {
            return (Map<String, Object>) json.getOrDefault("Resources", Map.of());
        }

        int resourceCount() {
            return resources().size();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> section(String name) {
            return (Map<String, Object>) json.getOrDefault(name, Map.of());
        }
    }

    /** A template with how its parent deploys it: the parameters passed in and its nested stacks by logical id. */
    private static final class Node {
        final One template;
        final Node parent;
        final Map<String, Object> parameters;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(One template, Node parent, Map<String, Object> parameters) {
            this.template = template;
            this.parent = parent;
            this.parameters = parameters;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Node> nodes;

    private StackTemplates(List<Node> nodes) {
        this.nodes = nodes;
    }

    @SuppressWarnings("unchecked")
    static StackTemplates of(Stack stack, CloudAssembly assembly) {
        Map<IConstruct, Node> byStack = new LinkedHashMap<>();
        Node root = new Node(new One(stack.getStackName(),
                (Map<String, Object>) assembly.getStackByName(stack.getStackName()).getTemplate()), null, Map.of());
        byStack.put(stack, root);
        List<Node> nodes = new ArrayList<>(List.of(root));
        // findAll lists parents before their children, so each nested stack's parent is already known.
        for (IConstruct c : stack.getNode().findAll()) {
            if (!(c instanceof NestedStack nested)) continue;
            Stack parentStack = Stack.of(nested.getNestedStackResource());
            Node parent = byStack.get(parentStack);
            String logicalId = (String) parentStack.resolve(nested.getNestedStackResource().getLogicalId());
            Map<String, Object> resource = (Map<String, Object>) parent.template.resources().get(logicalId);
            Map<String, Object> passed = (Map<String, Object>) Synth.props(resource).getOrDefault("Parameters", Map.of());
            Node node = new Node(new One(nested.getNode().getPath(), read(Path.of(assembly.getDirectory(),
                    nested.getTemplateFile()))), parent, passed);
            parent.children.put(logicalId, node);
            byStack.put(nested, node);
            nodes.add(node);
        }
        return new StackTemplates(nodes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The stack's own template first, then its nested stacks'. */
    List<One> all() {
        return nodes.stream().map(n -> n.template).toList();
    }

    /**
     * One template holding every template's resources, with references between templates resolved: a nested
     * template's {@code Ref} to a parameter becomes what its parent passes, a parent's {@code Fn::GetAtt} of a nested
     * stack's {@code Outputs.X} becomes that output's value. The nested stack resources themselves stay listed.
     */
    Map<String, Object> flattened() {
        Node root = nodes.get(0);
        Map<String, Object> out = new LinkedHashMap<>(root.template.json());
        Map<String, Object> resources = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        for (Node n : nodes) {
            n.template.resources().forEach((id, r) -> {
                String earlier = from.putIfAbsent(id, n.template.path());
                if (earlier != null) {
                    throw new IllegalStateException("logical id " + id + " is in both " + earlier + " and "
                            + n.template.path() + ": the flattened view needs unique ids");
                }
                resources.put(id, inline(n, r));
            });
        }
        out.put("Resources", resources);
        out.put("Outputs", inline(root, root.template.section("Outputs")));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object inline(Node node, Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.get("Ref") instanceof String ref && node.parameters.containsKey(ref)) {
                return inline(node.parent, node.parameters.get(ref));
            }
            Node child = m.size() == 1 && m.get("Fn::GetAtt") instanceof List<?> att && att.size() == 2
                    && att.get(1) instanceof String name && name.startsWith("Outputs.")
                    ? node.children.get(att.get(0)) : null;
            if (child != null) {
                String name = (String) ((List<?>) m.get("Fn::GetAtt")).get(1);
                Object output = child.template.section("Outputs").get(name.substring("Outputs.".length()));
                return inline(child, ((Map<String, Object>) output).get("Value"));
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, inline(node, v)));
            return copy;
        }
        if (value instanceof List<?> l) return l.stream().map(v -> inline(node, v)).toList();
        return value;
    }
}
