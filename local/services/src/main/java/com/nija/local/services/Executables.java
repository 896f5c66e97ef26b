package com.nija.local.services;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks up programs on PATH ourselves, because {@link ProcessBuilder} only reports a missing program as a bare
 * "error=2" and we want to say which program to install.
 */
final class Executables {

    private Executables() {
    }

    /** The first executable called {@code name} on this process's PATH. */
    static Optional<Path> findOnPath(String name) {
        return findOnPath(name, System.getenv("PATH"));
    }

    /** The first executable called {@code name} on {@code pathVariable} (entries split by the OS path separator). */
    static Optional<Path> findOnPath(String name, String pathVariable) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return Optional.empty();
        }
        List<String> suffixes = isWindows() ? List.of(".exe", ".cmd", "") : List.of("");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String suffix : suffixes) {
                Path candidate = Path.of(dir, name + suffix);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
