package com.nija.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The shaded jar every function runs: {@code functions/target/nija-functions-<version>-lambda.jar}, built by
 * {@code mvn package} of the functions module. Synth refuses to run without it, and refuses a jar that lacks a
 * handler class the route table names (a stale jar would deploy functions that cannot start).
 */
public final class FunctionJar {
    public static final String PROPERTY = "nija.functionJar";
    static final String FILE = "nija-functions-0.1.0-SNAPSHOT-lambda.jar";

    private FunctionJar() {}

    /** The system property {@value #PROPERTY} (the Maven build sets it), else the usual place from here or the repo. */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        List<Path> candidates = configured != null && !configured.isBlank()
                ? List.of(Path.of(configured))
                : List.of(Path.of("../functions/target", FILE), Path.of("functions/target", FILE));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) return p.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("The function jar is missing (looked at " + candidates + "). Build it first: "
                + "mvn -pl shared,functions install -Dmaven.test.skip=true");
    }

    /** Fails when any of {@code handlerClasses} is not in the jar. */
    public static void requireHandlers(Path jar, Collection<String> handlerClasses) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> missing = handlerClasses.stream()
                    .filter(c -> zip.getEntry(c.replace('.', '/') + ".class") == null)
                    .sorted().toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(jar + " lacks handler classes " + missing
                        + "; the jar is older than the route table: rebuild the functions module");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }
}
