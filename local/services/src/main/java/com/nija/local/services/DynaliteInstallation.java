package com.nija.local.services;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds dynalite's {@code cli.js} in the {@code node_modules} that this module's build installs with {@code npm ci}.
 *
 * <p>Order: {@code NIJA_DYNALITE_HOME} (a directory containing {@code node_modules/dynalite}) if set; otherwise walk
 * up from the working directory and then from where this class was loaded (e.g. {@code local/services/target/classes}),
 * trying {@code local/services/node_modules/dynalite} and {@code node_modules/dynalite} in each directory. Both walks
 * are needed: tests of other modules run with their own module as the working directory, while an IDE run may start
 * anywhere but still loads this class from the checkout.
 */
final class DynaliteInstallation {

    static final String HOME_VARIABLE = "NIJA_DYNALITE_HOME";
    private static final Path CLI = Path.of("node_modules", "dynalite", "cli.js");
    private static final Path CLI_FROM_REPO_ROOT = Path.of("local", "services").resolve(CLI);
    private static final String INSTALL_HINT = "Install it with `mvn -pl local/services install` from the repository "
            + "root, or `npm ci` in local/services, or set " + HOME_VARIABLE
            + " to a directory that contains node_modules/dynalite.";

    private DynaliteInstallation() {
    }

    /** Locates {@code cli.js} using the environment, the working directory and this class's code source. */
    static Path locateCli() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        codeSourceDirectory().ifPresent(starts::add);
        return locateCli(System.getenv(HOME_VARIABLE), starts);
    }

    /** Locates {@code cli.js} from an explicit home (may be null or blank) or by walking up from each start. */
    static Path locateCli(String home, List<Path> starts) {
        if (home != null && !home.isBlank()) {
            Path cli = Path.of(home).toAbsolutePath().resolve(CLI);
            if (Files.isRegularFile(cli)) {
                return cli;
            }
            throw new LocalServiceException(HOME_VARIABLE + "=" + home + " but " + cli + " does not exist. "
                    + INSTALL_HINT);
        }
        Set<Path> searched = new LinkedHashSet<>();
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (!searched.add(dir)) {
                    break;
                }
                for (Path relative : List.of(CLI_FROM_REPO_ROOT, CLI)) {
                    Path cli = dir.resolve(relative);
                    if (Files.isRegularFile(cli)) {
                        return cli;
                    }
                }
            }
        }
        throw new LocalServiceException("dynalite (local DynamoDB) is not installed: no local/services/node_modules/"
                + "dynalite or node_modules/dynalite above " + starts + ". " + INSTALL_HINT);
    }

    private static Optional<Path> codeSourceDirectory() {
        try {
            CodeSource source = DynaliteInstallation.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Optional.of(Files.isDirectory(location) ? location : location.getParent());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException | SecurityException e) {
            return Optional.empty();
        }
    }
}
