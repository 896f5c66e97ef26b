package com.nija.functions.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The API contract as packaged in the jar ({@value #RESOURCE}), converted to JSON once, with its entity tag. */
public record OpenApiDocument(String json, String etag) {
    public static final String RESOURCE = "/api/openapi.yaml";

    /** The packaged document; read and converted on first use, then kept for the life of the process. */
    public static OpenApiDocument packaged() {
        return Packaged.DOCUMENT;
    }

    /** {@code yaml} as JSON, tagged with a hash of that JSON (so the tag changes exactly when the content does). */
    public static OpenApiDocument fromYaml(InputStream yaml) throws IOException {
        JsonNode tree = new YAMLMapper().readTree(yaml);
        String json = new ObjectMapper().writeValueAsString(tree);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return new OpenApiDocument(json, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static final class Packaged {
        static final OpenApiDocument DOCUMENT = load();

        private static OpenApiDocument load() {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is not in the jar");
                return fromYaml(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
