package com.nija.local.services;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import redis.embedded.core.ExecutableProvider;

/**
 * Chooses the {@code redis-server} binary: the one on PATH (a developer's own, e.g. Debian's 7.x) if any, else the
 * 6.2 build that {@code com.github.codemonstur:embedded-redis} ships inside its jar.
 *
 * <p>We use embedded-redis only for its binary, not its {@code RedisServer} lifecycle: both binaries then start with
 * the same flags and are stopped, restarted and probed the same way, and nothing writes a config file per start.
 */
final class RedisExecutable {

    private static volatile Path embedded;

    private RedisExecutable() {
    }

    /** {@code redis-server} from PATH, else the embedded binary extracted once per JVM (deleted at exit). */
    static Path resolve() {
        return resolve(Executables.findOnPath("redis-server"));
    }

    static Path resolve(Optional<Path> onPath) {
        return onPath.orElseGet(RedisExecutable::embedded);
    }

    private static synchronized Path embedded() {
        if (embedded == null) {
            try {
                embedded = ExecutableProvider.newJarResourceProvider().get().toPath();
            } catch (IOException | RuntimeException e) {
                throw new LocalServiceException("No redis-server on PATH and the binary bundled with embedded-redis "
                        + "could not be extracted for this OS/CPU. Install redis-server (e.g. `apt-get install "
                        + "redis-server` or `brew install redis`) so that it is on PATH.", e);
            }
        }
        return embedded;
    }
}
