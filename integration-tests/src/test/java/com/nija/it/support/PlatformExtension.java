package com.nija.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every integration test class the same {@link ApiTarget}: ONE local platform per test JVM (free port, demo
 * trader seeded, a throw-away home for the dev signing key), started on first use and stopped when the whole run
 * ends; or, with {@code NIJA_API_URL} set, the deployed stack it names. Inject it as a constructor or method
 * parameter.
 */
public final class PlatformExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ApiTarget.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store lives as long as the test run and closes what it holds (AutoCloseable) at the end.
        Shared shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, k -> Shared.start(), Shared.class);
        if (shared.failure != null) {
            // Started once per run: a platform that could not start fails every test at once, with the cause.
            throw new ParameterResolutionException("The local platform did not start: " + shared.failure,
                    shared.failure);
        }
        return shared.target;
    }

    /** The target and the temporary home it owns (or why it could not start); closed once, after the run. */
    private static final class Shared implements AutoCloseable {
        private final ApiTarget target;
        private final Path home;
        private final Throwable failure;

        private Shared(ApiTarget target, Path home, Throwable failure) {
            this.target = target;
            this.home = home;
            this.failure = failure;
        }

        private Shared(ApiTarget target, Path home) {
            this(target, home, null);
        }

        static Shared start() {
            String url = ApiTarget.remoteUrl();
            if (url != null) {
                System.out.println("[it] running against the deployed stack at " + url + " (" + ApiTarget.URL_ENV
                        + "); tests that need platform internals are skipped with a reason");
                return new Shared(ApiTarget.remote(url, System.getenv(ApiTarget.TOKEN_ENV),
                        System.getenv(ApiTarget.SECOND_TOKEN_ENV)), null);
            }
            long started = System.nanoTime();
            Path home;
            try {
                home = Files.createTempDirectory("nija-it-home-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a home for the local signing key", e);
            }
            ApiTarget target;
            try {
                target = ApiTarget.local(home);
            } catch (RuntimeException | LinkageError e) {
                deleteRecursively(home);
                return new Shared(null, null, e);
            }
            System.out.printf("[it] local platform ready on %s in %d ms%n", target.baseUrl(),
                    (System.nanoTime() - started) / 1_000_000);
            return new Shared(target, home);
        }

        @Override
        public void close() {
            try {
                if (target != null) target.close();
            } finally {
                if (home != null) deleteRecursively(home);
            }
        }

        private static void deleteRecursively(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("[it] could not delete " + dir + ": " + e.getMessage());
            }
        }
    }
}
