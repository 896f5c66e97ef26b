package com.nija.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("the key is created on first use, owner-only, and loaded unchanged after")
    void createThenLoad() throws Exception {
        Path home = tmp.resolve("nested").resolve(".nija");

        LocalSigningKey created = LocalSigningKey.loadOrCreate(home);
        LocalSigningKey loaded = LocalSigningKey.loadOrCreate(home);

        Path file = home.resolve(LocalAuthority.KEY_FILE);
        assertThat(created.file()).isEqualTo(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(created.keyId()).isNotBlank().isEqualTo(loaded.keyId());
        assertThat(created.privateJwk().size()).isEqualTo(2048);
        assertThat(loaded.privateJwk()).isEqualTo(created.privateJwk());
        assertThat(created.publicJwk().isPrivate()).isFalse();
        try (var files = Files.list(home)) {
            assertThat(files).containsExactly(file);   // no temporary file left behind
        }
    }

    @Test
    @DisplayName("a token issued with one load of the key verifies with another load (token command vs platform)")
    void sharedAcrossLoads() throws Exception {
        String token = new TokenIssuer(LocalSigningKey.loadOrCreate(tmp)).issue("u1", List.of(), Duration.ofMinutes(1));

        VerifiedToken verified = new JwtVerifier(LocalSigningKey.loadOrCreate(tmp)).verify(token);

        assertThat(verified.subject()).isEqualTo("u1");
    }

    @Test
    @DisplayName("processes racing to create the key all end up with the same one")
    void concurrentCreation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> LocalSigningKey.loadOrCreate(tmp).keyId());
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(8).containsOnly(LocalSigningKey.loadOrCreate(tmp).keyId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a file that is not a private RSA JWK is refused with a hint")
    void corruptFile() throws Exception {
        Files.writeString(tmp.resolve(LocalAuthority.KEY_FILE), "{\"kty\":\"oct\",\"k\":\"AAAA\"}");

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(tmp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delete it");
    }
}
