package com.nija.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.nija.shared.testing.ApiCompatibility.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breaking changes are caught: docs/api/openapi.yaml against the last released contract (docs/api/released/), and
 * proof on edited copies that the comparison tells a change that breaks clients from one that does not.
 */
class ApiCompatibilityTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path CURRENT = ApiContract.openApi().file();
    private static final Path RELEASED = ApiCompatibility.lastReleased(CURRENT.resolveSibling("released"))
            .orElseThrow(() -> new AssertionError("no released contract in docs/api/released/"));

    @TempDir
    Path dir;

    @Test
    @DisplayName("the contract keeps every promise of the last release, or its major version is new")
    void currentContractKeepsTheRelease() {
        Verdict verdict = ApiCompatibility.compare(RELEASED, CURRENT);

        assertThat(verdict.allowed()).as("%s breaks clients of %s without a new major info.version (%s → %s); "
                        + "bump it, or keep the old shape:%n%s", CURRENT, RELEASED.getFileName(), verdict.released(),
                verdict.current(), verdict.changes()).isTrue();
    }

    @Test
    @DisplayName("a response field removed is incompatible: refused at the same major version, allowed at the next")
    void removedResponseFieldBreaks() throws IOException {
        Consumer<ObjectNode> dropSymbol = doc -> {
            ObjectNode position = (ObjectNode) doc.at("/components/schemas/Position");
            ((ObjectNode) position.get("properties")).remove("symbol");
            ArrayNode required = (ArrayNode) position.get("required");
            for (int i = required.size() - 1; i >= 0; i--) if (required.get(i).asText().equals("symbol")) required.remove(i);
        };

        Verdict sameMajor = ApiCompatibility.compare(RELEASED, edited("minor", dropSymbol.andThen(bump(0, 1))));
        Verdict nextMajor = ApiCompatibility.compare(RELEASED, edited("major", dropSymbol.andThen(bump(1, 0))));

        assertThat(sameMajor.incompatible()).isTrue();
        assertThat(sameMajor.allowed()).isFalse();
        assertThat(sameMajor.changes()).contains("/api/v1/positions");
        assertThat(nextMajor.allowed()).isTrue();
    }

    @Test
    @DisplayName("an optional query parameter made required is incompatible")
    void parameterMadeRequiredBreaks() throws IOException {
        Verdict verdict = ApiCompatibility.compare(RELEASED, edited("required", doc -> {
            for (var parameter : doc.at("/paths/~1api~1v1~1trades/get/parameters")) {
                if (parameter.path("name").asText().equals("symbol")) ((ObjectNode) parameter).put("required", true);
            }
        }));

        assertThat(verdict.incompatible()).isTrue();
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.changes()).contains("/api/v1/trades");
    }

    @Test
    @DisplayName("an optional response field added is compatible: allowed without a new major version")
    void addedOptionalFieldPasses() throws IOException {
        Verdict verdict = ApiCompatibility.compare(RELEASED, edited("added", doc -> {
            ObjectNode properties = (ObjectNode) doc.at("/components/schemas/Position/properties");
            properties.putObject("note").put("type", "string").put("maxLength", 200);
        }));

        assertThat(verdict.incompatible()).as(verdict.changes()).isFalse();
        assertThat(verdict.allowed()).isTrue();
    }

    @Test
    @DisplayName("the version never goes back, even without a change")
    void versionNeverGoesBack() throws IOException {
        Verdict verdict = ApiCompatibility.compare(edited("newer", bump(1, 0)), RELEASED);

        assertThat(verdict.incompatible()).isFalse();
        assertThat(verdict.allowed()).isFalse();
    }

    /** The released contract with {@code edit} applied, written beside the test. */
    private Path edited(String name, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode doc = (ObjectNode) YAML.readTree(RELEASED.toFile());
        edit.accept(doc);
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, YAML.writeValueAsString(doc));
        return file;
    }

    /** Raises the released version by {@code major} (resetting the rest) or else by {@code minor}. */
    private Consumer<ObjectNode> bump(int major, int minor) {
        return doc -> {
            ApiCompatibility.Version v = ApiCompatibility.Version.parse(doc.at("/info/version").asText());
            String next = major > 0 ? (v.major() + major) + ".0.0" : v.major() + "." + (v.minor() + minor) + ".0";
            ((ObjectNode) doc.get("info")).put("version", next);
        };
    }
}
