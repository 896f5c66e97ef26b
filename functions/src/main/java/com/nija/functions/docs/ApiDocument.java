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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An API document as packaged in the jar (YAML under {@code /api/}), converted to JSON once, with its entity tag. */
public record ApiDocument(String json, String etag) {
    private static final Map<String, ApiDocument> PACKAGED = new ConcurrentHashMap<>();

    /** The packaged document at {@code resource}; read and converted on first use, then kept for the process. */
    public static ApiDocument packaged(String resource) {
        return PACKAGED.computeIfAbsent(resource, ApiDocument::load);
    }

    /** {@code yaml} as JSON, tagged with a hash of that JSON (so the tag changes exactly when the content does). */
    public static ApiDocument fromYaml(InputStream yaml) throws IOException {
        JsonNode tree = new YAMLMapper().readTree(yaml);
        String json = new ObjectMapper().writeValueAsString(tree);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return new ApiDocument(json, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ApiDocument load(String resource) {
        try (InputStream in = ApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not in the jar");
            return fromYaml(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
