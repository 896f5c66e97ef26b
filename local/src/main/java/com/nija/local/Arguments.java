package com.nija.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Minimal {@code --name value} / {@code --flag} parsing for the local platform's commands. */
public final class Arguments {
    private final List<String> args;

    public Arguments(List<String> args) {
        this.args = args;
    }

    public boolean flag(String name) {
        return args.contains(name);
    }

    public String value(String name) {
        int i = args.indexOf(name);
        if (i < 0) return null;
        if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
        return args.get(i + 1);
    }

    public int intValue(String name, int defaultValue) {
        return number(name, defaultValue, Integer::parseInt);
    }

    public double doubleValue(String name, double defaultValue) {
        return number(name, defaultValue, Double::parseDouble);
    }

    private <T> T number(String name, T defaultValue, java.util.function.Function<String, T> parse) {
        String v = value(name);
        try {
            return v == null ? defaultValue : parse.apply(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got " + v);
        }
    }

    Path path(String name) {
        String v = value(name);
        return v == null ? null : Path.of(v);
    }

    /** Arguments that are neither options nor option values. */
    List<String> positional() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith("--")) {
                i++;
            } else {
                out.add(args.get(i));
            }
        }
        return out;
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d}, or ISO-8601 ({@code PT1H}). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--ttl must look like 90s, 30m, 1h or 2d, got " + text);
        }
    }
}
