package com.nija.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DynaliteInstallation")
class DynaliteInstallationTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("finds local/services/node_modules/dynalite from anywhere below the repository root")
    void walksUpToRepositoryRoot() throws IOException {
        Path cli = install(root.resolve("local/services"));
        Path start = Files.createDirectories(root.resolve("functions/target/test-classes"));

        assertThat(DynaliteInstallation.locateCli(null, List.of(start))).isEqualTo(cli);
    }

    @Test
    @DisplayName("finds node_modules/dynalite in a parent of the start directory")
    void walksUpToNodeModules() throws IOException {
        Path cli = install(root.resolve("local/services"));
        Path start = Files.createDirectories(root.resolve("local/services/target/classes"));

        assertThat(DynaliteInstallation.locateCli("", List.of(start))).isEqualTo(cli);
    }

    @Test
    @DisplayName("tries every start directory, e.g. the class's location after the working directory")
    void triesEveryStart() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Path cli = install(root.resolve("checkout/local/services"));
        Path classes = Files.createDirectories(root.resolve("checkout/local/services/target/classes"));

        assertThat(DynaliteInstallation.locateCli(null, List.of(elsewhere, classes))).isEqualTo(cli);
    }

    @Test
    @DisplayName("uses NIJA_DYNALITE_HOME when it is set")
    void usesHomeVariable() throws IOException {
        Path cli = install(root.resolve("tools"));

        assertThat(DynaliteInstallation.locateCli(root.resolve("tools").toString(), List.of())).isEqualTo(cli);
    }

    @Test
    @DisplayName("reports a NIJA_DYNALITE_HOME without dynalite instead of searching elsewhere")
    void rejectsWrongHome() throws IOException {
        install(root.resolve("local/services"));

        assertThatThrownBy(() -> DynaliteInstallation.locateCli(root.resolve("empty").toString(), List.of(root)))
                .isInstanceOf(LocalServiceException.class)
                .hasMessageContaining("NIJA_DYNALITE_HOME=")
                .hasMessageContaining("npm ci");
    }

    @Test
    @DisplayName("says how to install dynalite when it is nowhere to be found")
    void explainsMissingInstall() throws IOException {
        Path start = Files.createDirectories(root.resolve("a/b"));

        assertThatThrownBy(() -> DynaliteInstallation.locateCli(null, List.of(start)))
                .isInstanceOf(LocalServiceException.class)
                .hasMessageContaining("dynalite (local DynamoDB) is not installed")
                .hasMessageContaining("mvn -pl local/services install")
                .hasMessageContaining("npm ci");
    }

    @Test
    @DisplayName("finds the copy this module's build installed")
    void findsThisModulesInstall() {
        Path cli = DynaliteInstallation.locateCli();

        assertThat(cli).isRegularFile().endsWith(Path.of("node_modules", "dynalite", "cli.js"));
    }

    private static Path install(Path dir) throws IOException {
        Path cli = dir.resolve("node_modules/dynalite/cli.js");
        Files.createDirectories(cli.getParent());
        return Files.writeString(cli, "// stand-in");
    }
}
