package com.nija.local.gateway;

import com.nija.functions.routes.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the route for a request the way API Gateway HTTP APIs do: literal segments beat {@code {param}}
 * segments, which beat a greedy {@code {proxy+}}; comparing segment by segment from the left, the most specific
 * template wins, and a route for the exact method beats an {@code ANY} route. A path that some route has, but not
 * for this method, is reported as such (405), any other path as unknown (404). Immutable, thread-safe.
 */
final class RouteMatcher {
    static final String ANY = "ANY";

    sealed interface Result permits Found, MethodNotAllowed, NotFound {
    }

    /** @param pathParameters decoded values by name; empty when the template has none */
    record Found(BoundRoute bound, Map<String, String> pathParameters) implements Result {
    }

    /** @param allowed the methods routes for this path accept, sorted */
    record MethodNotAllowed(Set<String> allowed) implements Result {
    }

    enum NotFound implements Result {
        INSTANCE
    }

    private final List<Template> templates;

    RouteMatcher(List<BoundRoute> routes) {
        List<Template> compiled = new ArrayList<>(routes.size());
        Map<String, Route> seen = new HashMap<>();
        for (BoundRoute bound : routes) {
            Template t = Template.compile(bound);
            Route clash = seen.putIfAbsent(t.method + " " + t.shape, bound.route());
            if (clash != null) {
                throw new IllegalArgumentException("Routes " + clash.routeKey() + " and "
                        + bound.route().routeKey() + " match the same requests");
            }
            compiled.add(t);
        }
        this.templates = List.copyOf(compiled);
    }

    Result match(String method, String rawPath) {
        String[] segments = split(rawPath);
        if (segments == null) {
            return NotFound.INSTANCE;
        }
        String[] decoded = new String[segments.length];
        Template best = null;
        Set<String> pathMethods = null;
        for (Template t : templates) {
            if (!t.matches(segments, decoded)) {
                continue;
            }
            if (t.method.equals(method) || t.method.equals(ANY)) {
                if (best == null || t.compareTo(best) < 0) {
                    best = t;
                }
            } else {
                if (pathMethods == null) {
                    pathMethods = new TreeSet<>();
                }
                pathMethods.add(t.method);
            }
        }
        if (best != null) {
            return new Found(best.bound, best.parameters(segments, decoded));
        }
        if (pathMethods != null) {
            return new MethodNotAllowed(Collections.unmodifiableSet(pathMethods));
        }
        return NotFound.INSTANCE;
    }

    /** Segments of an origin-form path ({@code /a/b} → [a, b], {@code /} → []); null when not one. */
    private static String[] split(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return null;
        }
        if (rawPath.length() == 1) {
            return new String[0];
        }
        return rawPath.substring(1).split("/", -1);
    }

    /** Percent-decodes a path segment ('+' stays '+', as in paths); the raw text when it is not valid. */
    static String decodeSegment(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return raw;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return raw;
                }
                out[n++] = (byte) ((hi << 4) | lo);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                return raw;   // a raw path on the wire is ASCII
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static final class Template implements Comparable<Template> {
        static final byte LITERAL = 0;
        static final byte PARAM = 1;
        static final byte GREEDY = 2;

        final BoundRoute bound;
        final String method;
        final String shape;
        final byte[] kinds;
        final String[] values;   // literal text, or parameter name

        private Template(BoundRoute bound, String method, String shape, byte[] kinds, String[] values) {
            this.bound = bound;
            this.method = method;
            this.shape = shape;
            this.kinds = kinds;
            this.values = values;
        }

        static Template compile(BoundRoute bound) {
            Route route = bound.route();
            String path = route.path();
            String[] parts = split(path);
            if (parts == null) {
                throw new IllegalArgumentException("Route path must start with '/': " + route.routeKey());
            }
            byte[] kinds = new byte[parts.length];
            String[] values = new String[parts.length];
            StringBuilder shape = new StringBuilder();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                if (p.length() > 2 && p.startsWith("{") && p.endsWith("}")) {
                    String name = p.substring(1, p.length() - 1);
                    boolean greedy = name.endsWith("+");
                    if (greedy) {
                        name = name.substring(0, name.length() - 1);
                        if (i != parts.length - 1) {
                            throw new IllegalArgumentException("A greedy {" + name + "+} must be the last segment: "
                                    + route.routeKey());
                        }
                    }
                    if (name.isEmpty() || !names.add(name)) {
                        throw new IllegalArgumentException("Bad or repeated path parameter in " + route.routeKey());
                    }
                    kinds[i] = greedy ? GREEDY : PARAM;
                    values[i] = name;
                    shape.append(greedy ? "/{+}" : "/{}");
                } else if (p.isEmpty() || p.indexOf('{') >= 0 || p.indexOf('}') >= 0) {
                    throw new IllegalArgumentException("Bad path segment '" + p + "' in " + route.routeKey());
                } else {
                    kinds[i] = LITERAL;
                    values[i] = p;
                    shape.append('/').append(p);
                }
            }
            String method = route.method().toUpperCase(Locale.ROOT);
            return new Template(bound, method, shape.length() == 0 ? "/" : shape.toString(), kinds, values);
        }

        /** Whether the request segments fit; fills {@code decoded} lazily as segments are compared. */
        boolean matches(String[] segments, String[] decoded) {
            int n = kinds.length;
            for (int i = 0; i < n; i++) {
                byte kind = kinds[i];
                if (kind == GREEDY) {
                    // {proxy+} takes one or more segments and needs something to take
                    return segments.length > i && !(segments.length == i + 1 && segments[i].isEmpty());
                }
                if (i >= segments.length) {
                    return false;
                }
                String segment = decoded(segments, decoded, i);
                if (kind == LITERAL ? !values[i].equals(segment) : segment.isEmpty()) {
                    return false;
                }
            }
            return segments.length == n;
        }

        Map<String, String> parameters(String[] segments, String[] decoded) {
            Map<String, String> params = null;
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] == LITERAL) {
                    continue;
                }
                if (params == null) {
                    params = new HashMap<>(4);
                }
                if (kinds[i] == PARAM) {
                    params.put(values[i], decoded(segments, decoded, i));
                } else {
                    StringBuilder rest = new StringBuilder();
                    for (int j = i; j < segments.length; j++) {
                        if (j > i) {
                            rest.append('/');
                        }
                        rest.append(decoded(segments, decoded, j));
                    }
                    params.put(values[i], rest.toString());
                }
            }
            return params == null ? Map.of() : params;
        }

        private static String decoded(String[] segments, String[] decoded, int i) {
            String d = decoded[i];
            if (d == null) {
                d = decodeSegment(segments[i]);
                decoded[i] = d;
            }
            return d;
        }

        /** Negative when this template is more specific than {@code other}. */
        @Override
        public int compareTo(Template other) {
            int n = Math.min(kinds.length, other.kinds.length);
            for (int i = 0; i < n; i++) {
                if (kinds[i] != other.kinds[i]) {
                    return Byte.compare(kinds[i], other.kinds[i]);
                }
            }
            if (kinds.length != other.kinds.length) {
                // same prefix: the one that goes on with literal or param segments is the more specific
                return Integer.compare(other.kinds.length, kinds.length);
            }
            boolean anyHere = method.equals(ANY);
            boolean anyThere = other.method.equals(ANY);
            return Boolean.compare(anyHere, anyThere);
        }
    }
}
