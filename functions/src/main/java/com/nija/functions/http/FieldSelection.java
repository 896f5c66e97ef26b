package com.nija.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.json.Json;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code fields=a,b}: return only the named fields of each item (the blueprint's payload trimming). */
public final class FieldSelection {
    private final Set<String> fields;

    private FieldSelection(Set<String> fields) {
        this.fields = fields;
    }

    /** @throws InvalidInputException when a name is not one of {@code allowed} */
    public static FieldSelection parse(Optional<String> raw, List<String> allowed) {
        if (raw.isEmpty() || raw.get().isBlank()) return new FieldSelection(Set.of());
        Set<String> fields = new LinkedHashSet<>();
        for (String f : raw.get().split(",")) {
            String name = f.trim();
            if (!allowed.contains(name)) {
                throw InvalidInputException.of("fields",
                        InputLimits.echo(name) + " is not a field; choose from " + allowed);
            }
            fields.add(name);
        }
        return new FieldSelection(fields);
    }

    /** The items unchanged when no selection was made, else each item with only the selected fields. */
    public Object apply(List<?> items) {
        if (fields.isEmpty()) return items;
        List<JsonNode> trimmed = new ArrayList<>(items.size());
        for (Object item : items) {
            ObjectNode node = Json.MAPPER.valueToTree(item);
            node.retain(fields);
            trimmed.add(node);
        }
        return trimmed;
    }
}
