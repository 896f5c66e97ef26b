package com.nija.cdk.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built dashboard: {@code dashboard/target/classes/dashboard} ({@code index.html} and the content-hashed
 * {@code assets/}), written by the dashboard module's Vite build. Synth refuses a missing build, and one whose
 * {@code index.html} names an asset that is not there (a stale or half-written build would deploy a blank page).
 */
public final class DashboardFiles {
    public static final String PROPERTY = "nija.dashboardDir";
    static final String BUILT = "target/classes/dashboard";
    private static final Pattern ASSET_REF = Pattern.compile("(?:src|href)=\"/(assets/[^\"]+)\"");

    private DashboardFiles() {}

    /** The system property {@value #PROPERTY} (the Maven build sets it), else the usual place from here or the repo. */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        List<Path> candidates = configured != null && !configured.isBlank()
                ? List.of(Path.of(configured))
                : List.of(Path.of("../dashboard", BUILT), Path.of("dashboard", BUILT));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("index.html"))) return requireComplete(p.toAbsolutePath().normalize());
        }
        throw new IllegalStateException("The dashboard build is missing (looked at " + candidates + "). Build it "
                + "first: mvn -pl dashboard package");
    }

    /** Fails unless every asset {@code index.html} loads is in {@code dir/assets}. */
    static Path requireComplete(Path dir) {
        try {
            String html = Files.readString(dir.resolve("index.html"));
            Matcher m = ASSET_REF.matcher(html);
            int refs = 0;
            while (m.find()) {
                refs++;
                if (!Files.isRegularFile(dir.resolve(m.group(1)))) {
                    throw new IllegalStateException(dir + "/index.html loads /" + m.group(1) + ", which the build "
                            + "did not write: rebuild the dashboard module");
                }
            }
            if (refs == 0) throw new IllegalStateException(dir + "/index.html loads no /assets/ file: not a Vite build");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
