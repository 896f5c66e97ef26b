package com.nija.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 3.1 document rendered as OpenAPI 3.0 for the request validator, which reads 3.1 schemas only partly (a
 * parameter's {@code type} is lost, so {@code ?status=open} is parsed as JSON). The document stays 3.1; this keeps
 * its meaning where 3.0 can say it: {@code type: [x, "null"]} becomes {@code nullable}; {@code type: [x, y]} an
 * {@code anyOf} of the types (keep such schemas as components: the validator misreads them inline); the 3.1-only info
 * fields go.
 */
final class OpenApi30 {
    private OpenApi30() {}

    static String render(Path file) {
        try {
            ObjectNode root = (ObjectNode) new YAMLMapper().readTree(file.toFile());
            root.put("openapi", "3.0.3");
            ObjectNode info = (ObjectNode) root.path("info");
            info.remove("summary");
            if (info.get("license") instanceof ObjectNode license) license.remove("identifier");
            downgrade(root);
            return root.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void downgrade(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode type = object.get("type");
            if (type instanceof ArrayNode types) object.setAll(single(types, object));
            object.forEach(OpenApi30::downgrade);
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApi30::downgrade);
        }
    }

    /** The 3.0 keywords for a type list: one type (nullable when "null" is listed), or an anyOf of several. */
    private static ObjectNode single(ArrayNode types, ObjectNode schema) {
        List<String> named = new ArrayList<>();
        boolean nullable = false;
        for (JsonNode t : types) {
            if (t.asText().equals("null")) nullable = true;
            else named.add(t.asText());
        }
        schema.remove("type");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (nullable) out.put("nullable", true);
        if (named.size() == 1) {
            out.put("type", named.get(0));
        } else {
            ArrayNode anyOf = out.putArray("anyOf");
            named.forEach(t -> anyOf.addObject().put("type", t));
        }
        return out;
    }
}
