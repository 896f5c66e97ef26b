package com.nija.shared.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named figures read from a versioned JSON file ({@code nija/capacity/*.json}), each with its unit and the page it
 * comes from, so every number a projection uses can be traced to AWS's documentation or to a measurement in
 * docs/PERFORMANCE.md. A missing figure is an error, never a silent default.
 */
public final class CitedFigures {
    /** One figure: its value, unit and source; {@code assumption} when no published number backs it. */
    public record Figure(String name, double value, String unit, String source, boolean assumption) {}

    private final String version;
    private final Map<String, Figure> figures;

    public CitedFigures(String version, Map<String, Figure> figures) {
        this.version = version;
        this.figures = Map.copyOf(figures);
    }

    public static CitedFigures resource(String name) {
        try (InputStream in = CitedFigures.class.getResourceAsStream("/nija/capacity/" + name)) {
            if (in == null) throw new IllegalStateException("no resource nija/capacity/" + name);
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nija/capacity/" + name, e);
        }
    }

    static CitedFigures parse(JsonNode root) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        root.path("figures").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            if (!f.path("value").isNumber() || f.path("source").asText().isBlank()) {
                throw new IllegalArgumentException("figure " + e.getKey() + " needs a numeric value and a source");
            }
            figures.put(e.getKey(), new Figure(e.getKey(), f.path("value").asDouble(), f.path("unit").asText(),
                    f.path("source").asText(), f.path("assumption").asBoolean(false)));
        });
        return new CitedFigures(root.path("version").asText(), figures);
    }

    public double value(String name) {
        return figure(name).value();
    }

    public Figure figure(String name) {
        Figure f = figures.get(name);
        if (f == null) throw new IllegalArgumentException("no figure '" + name + "' (version " + version + ")");
        return f;
    }

    /** A copy with one figure's value replaced (what-if runs and tests). */
    public CitedFigures with(String name, double value) {
        Map<String, Figure> copy = new LinkedHashMap<>(figures);
        Figure f = figure(name);
        copy.put(name, new Figure(name, value, f.unit(), f.source(), f.assumption()));
        return new CitedFigures(version, copy);
    }

    public String version() {
        return version;
    }

    public Map<String, Figure> all() {
        return figures;
    }
}
