package com.nija.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Whether a contract breaks the clients of the last released one. openapi-diff compares the two documents (each
 * rendered as OpenAPI 3.0 by {@link OpenApi30}, which it reads completely; its 3.1 reading loses type lists); an
 * incompatible change — an operation or response field gone, a parameter or request field newly required, a narrower
 * type — is allowed only with a new major {@code info.version}.
 *
 * <p>The released contract is committed as {@code docs/api/released/openapi-<version>.yaml} (README "Releasing the
 * API"): CI works on a clean clone, where release tags may not have been fetched, so a file is what every build can
 * read. {@code scripts/release-api} writes it and tags the release.
 */
public final class ApiCompatibility {
    private static final Pattern RELEASED = Pattern.compile("openapi-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

    /** The outcome: the two versions, whether the change is incompatible, and openapi-diff's account of it. */
    public record Verdict(Version released, Version current, boolean incompatible, String changes) {
        /** An incompatible change is allowed only with a new major version; no version ever goes back. */
        public boolean allowed() {
            return current.compareTo(released) >= 0 && (!incompatible || current.major() > released.major());
        }
    }

    /** A contract version, {@code major.minor.patch}. */
    public record Version(int major, int minor, int patch) implements Comparable<Version> {
        private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
                .thenComparingInt(Version::minor).thenComparingInt(Version::patch);

        static Version parse(String text) {
            Matcher m = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)").matcher(text);
            if (!m.matches()) throw new IllegalArgumentException("info.version is not major.minor.patch: " + text);
            return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }

        @Override
        public int compareTo(Version other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    private ApiCompatibility() {}

    /** The newest {@code openapi-<version>.yaml} in {@code releasedDir}; empty before the first release. */
    public static Optional<Path> lastReleased(Path releasedDir) {
        if (!Files.isDirectory(releasedDir)) return Optional.empty();
        try (Stream<Path> files = Files.list(releasedDir)) {
            return files.filter(f -> RELEASED.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.comparing(f -> Version.parse(f.getFileName().toString()
                            .replace("openapi-", "").replace(".yaml", ""))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current contract against the released one. */
    public static Verdict compare(Path released, Path current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(OpenApi30.render(released), OpenApi30.render(current));
        return new Verdict(version(released), version(current), diff.isIncompatible(), render(diff));
    }

    private static Version version(Path document) {
        try {
            JsonNode info = new YAMLMapper().readTree(document.toFile()).path("info");
            return Version.parse(info.path("version").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
