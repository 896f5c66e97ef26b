package com.nija.local.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's built files, read from the classpath ({@code dashboard/} in the nija-dashboard jar) on first
 * request and kept. Only names of the build's own shape are looked up, so a request can never climb out of the
 * directory, and only files that exist are kept, so random paths cannot fill memory.
 */
final class SiteFiles {
    /** Path segments of letters, digits, dot, dash and underscore; no segment of dots alone. */
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){1,4}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "json", "application/json",
            "png", "image/png", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8",
            "woff2", "font/woff2");

    private final String root;
    private final ClassLoader loader;
    private final Map<String, byte[]> found = new ConcurrentHashMap<>();

    SiteFiles(String root, ClassLoader loader) {
        this.root = root;
        this.loader = loader;
    }

    /** The file at {@code path} ("/assets/index-abc.js"), or empty when there is none or the name is not safe. */
    Optional<byte[]> read(String path) {
        if (path == null || !SAFE.matcher(path).matches()) return Optional.empty();
        byte[] cached = found.get(path);
        if (cached != null) return Optional.of(cached);
        try (InputStream in = loader.getResourceAsStream(root + path)) {
            if (in == null) return Optional.empty();
            byte[] bytes = in.readAllBytes();
            found.put(path, bytes);
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard file " + path, e);
        }
    }

    /** True when the dashboard was built into this classpath (index.html is there). */
    boolean present() {
        return read("/index.html").isPresent();
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        return TYPES.getOrDefault(dot < 0 ? "" : path.substring(dot + 1), "application/octet-stream");
    }

    /** Text types go as they are; the rest base64 (as a Lambda response would carry them). */
    static boolean isText(String contentType) {
        return contentType.startsWith("text/") || contentType.startsWith("application/json")
                || contentType.startsWith("image/svg");
    }
}
