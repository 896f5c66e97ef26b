package com.nija.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Executables and RedisExecutable")
class ExecutablesTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("finds the first executable of that name on PATH and skips non-executable files")
    void findsExecutableOnPath() throws IOException {
        Path plain = Files.createDirectories(root.resolve("plain"));
        Files.writeString(plain.resolve("redis-server"), "not executable");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path executable = Files.writeString(bin.resolve("redis-server"), "#!/bin/sh\n");
        assertThat(executable.toFile().setExecutable(true)).isTrue();
        String path = plain + java.io.File.pathSeparator + bin;

        assertThat(Executables.findOnPath("redis-server", path)).contains(executable);
        assertThat(Executables.findOnPath("redis-cli", path)).isEmpty();
        assertThat(Executables.findOnPath("redis-server", null)).isEmpty();
    }

    @Test
    @DisplayName("prefers redis-server from PATH over the embedded binary")
    void prefersPath() {
        Path own = root.resolve("redis-server");

        assertThat(RedisExecutable.resolve(Optional.of(own))).isEqualTo(own);
    }

    @Test
    @DisplayName("extracts embedded-redis's binary when PATH has none")
    void extractsEmbeddedBinary() {
        Path embedded = RedisExecutable.resolve(Optional.empty());

        assertThat(embedded).isExecutable();
        assertThat(embedded.getFileName().toString()).startsWith("redis-server-");
    }
}
