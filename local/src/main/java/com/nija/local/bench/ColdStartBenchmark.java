package com.nija.local.bench;

import com.nija.functions.lambda.LambdaJvm;
import com.nija.local.gateway.LocalLambdaContext;
import com.nija.local.platform.Backends;
import com.nija.local.platform.FunctionRuntime;
import com.nija.local.platform.LocalSecrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * {@code bench cold-start}: per function (by default {@code get-positions}, then {@code get-dashboard}), launches a fresh
 * JVM per run that builds the handler and answers its first request, and reports where the time goes: JVM boot → main,
 * handler init (Micronaut context, SDK clients, table schemas), first invocation (lazy class loading, first
 * DynamoDB/Redis connections), and a warm second invocation for comparison; the JVM's CPU time and classes loaded at
 * the first response (load-independent, unlike the wall times); then one more JVM per function for the live heap after
 * init and after priming.
 *
 * <p>Given {@code --jar} (the function jar, {@code functions/target/…-lambda.jar}), the probe runs on what Lambda runs:
 * that jar unpacked into a directory, as Lambda unpacks a deployment package into {@code /var/task} and loads classes
 * from there, with the jar's own logging configuration. {@code --as-jar} puts the jar itself on the class path (what a
 * container image could do); {@code --cds} (which implies it) first trains an application class-data-sharing archive
 * per function with one run and uses it for the measured runs. Without {@code --jar}: this fat jar, local platform and
 * all.
 */
public final class ColdStartBenchmark {
    /** The probe's classes and the Lambda context it passes, copied next to the function jar. */
    private static final List<String> PROBE_CLASSES = List.of(ColdStartProbe.class.getName(),
            LocalLambdaContext.class.getName());

    private ColdStartBenchmark() {}

    /**
     * @param functionJar the jar to start; {@code null}: this jar (the local platform's, everything on it)
     * @param jvmOptions extra options for every probe JVM
     * @param asJar the function jar itself on the class path, not unpacked
     * @param cds whether to train and use an AppCDS archive per function (implies {@code asJar}: class-data sharing
     *            archives classes from jars only)
     */
    public static int run(Path home, int runs, List<String> functions, Path functionJar, List<String> jvmOptions,
                          boolean asJar, boolean cds) throws Exception {
        String self = Path.of(ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Path work = Files.createTempDirectory("nija-cold-start");
        String classpath = functionJar == null ? self : probeJar(self, work) + java.io.File.pathSeparator
                + (asJar || cds ? functionJar : unpack(functionJar, work.resolve("task")));
        // The deployed functions' JAVA_TOOL_OPTIONS
        List<String> jvm = new ArrayList<>(LambdaJvm.OPTIONS);
        jvm.addAll(jvmOptions);
        // The local jar carries the local platform's logging setup; the function jar its own (Lambda's JSON layout).
        if (functionJar == null) jvm.add("-Dlog4j2.configurationFile=log4j2-local.xml");
        System.out.printf("%s, JVM options %s%s%n", functionJar == null ? "local jar " + self
                : (asJar || cds ? "jar " : "unpacked jar ") + functionJar, jvm,
                cds ? ", with an AppCDS archive per function" : "");
        try (Backends backends = Backends.start(null)) {
            return measure(home, runs, functions, cds, work, classpath, jvm, backends);
        } finally {
            deleteTree(work);
        }
    }

    private static int measure(Path home, int runs, List<String> functions, boolean cds, Path work, String classpath,
                               List<String> jvm, Backends backends) throws Exception {
        String secret = LocalSecrets.cursorSecret(home);
        try (FunctionRuntime runtime = new FunctionRuntime(backends.dynamodbEndpoint(), backends.redisUrl(),
                backends.sqsEndpoint(), secret, java.util.Map.of())) {
            runtime.provisionTables();
        }
        Launcher launcher = new Launcher(classpath, backends, secret);
        for (String function : functions) {
            List<String> options = new ArrayList<>(jvm);
            if (cds) {
                Path archive = work.resolve(function + ".jsa");
                List<String> training = new ArrayList<>(jvm);
                training.add("-XX:ArchiveClassesAtExit=" + archive);
                launcher.probe(training, function, false);
                System.out.printf("AppCDS archive of %s: %.1f MB%n", function, Files.size(archive) / 1e6);
                options.add("-XX:SharedArchiveFile=" + archive);
            }
            System.out.printf("cold start of %s (no SnapStart), %d runs, %d cores, java %s%n",
                    function, runs, Runtime.getRuntime().availableProcessors(), Runtime.version());
            List<Long> totals = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Probe run = launcher.probe(options, function, false);
                totals.add(run.millis());
                System.out.printf("run %d: launch→first response %d ms | %s%n", i + 1, run.millis(), run.line());
            }
            totals.sort(Long::compare);
            System.out.printf("median launch→first response: %d ms%n", totals.get(totals.size() / 2));
            System.out.printf("heap in use (live, after a full GC): %s%n",
                    launcher.probe(options, function, true).line());
        }
        return 0;
    }

    /** The unpacked jar and the archives: hundreds of megabytes a run, not left behind. */
    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Unpacks {@code jar} into {@code dir} (as Lambda unpacks a deployment package); returns {@code dir}. */
    private static String unpack(Path jar, Path dir) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(in.entries())) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) throw new IOException("entry outside the directory: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream data = in.getInputStream(entry)) {
                    Files.copy(data, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir.toString();
    }

    /** {@code --jvm "-Xshare:off -Xlog:…"}: extra options, split on spaces. */
    public static List<String> options(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? List.of()
                : Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }

    /**
     * Copies the probe's classes (with their nested classes) out of this jar into a small jar in {@code dir}: a jar,
     * because class-data sharing refuses a non-empty directory on the class path.
     */
    private static String probeJar(String selfJar, Path dir) throws IOException {
        Path probe = dir.resolve("probe.jar");
        try (JarFile jar = new JarFile(selfJar);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(probe))) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                boolean wanted = PROBE_CLASSES.stream().map(c -> c.replace('.', '/'))
                        .anyMatch(c -> name.equals(c + ".class") || name.startsWith(c + "$"));
                if (!wanted) continue;
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return probe.toString();
    }

    /** The probe's result line (timings, or the heap) and the time from launch until it was printed. */
    private record Probe(String line, long millis) {}

    private record Launcher(String classpath, Backends backends, String secret) {
        Probe probe(List<String> jvmOptions, String function, boolean heap) throws Exception {
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(), function));
            if (heap) command.add("--heap");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put(Backends.DYNAMODB_ENV, backends.dynamodbEndpoint());
            pb.environment().put(Backends.REDIS_ENV, backends.redisUrl());
            pb.environment().put("NIJA_CURSOR_SECRET", secret);
            // As in Lambda: EMF metrics go to stdout rather than looking for a CloudWatch agent.
            pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", function);
            pb.environment().put("POWERTOOLS_SERVICE_NAME", function);
            long launched = System.nanoTime();
            Process p = pb.start();
            String line = null;
            List<String> other = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    if (l.startsWith("COLD ") || l.startsWith("HEAP ")) {
                        line = l.substring(5);
                        break;
                    }
                    other.add(l);
                }
            }
            long millis = (System.nanoTime() - launched) / 1_000_000;
            p.waitFor();
            if (line == null) {
                throw new IllegalStateException("the probe of " + function + " printed no result; its output:\n"
                        + String.join("\n", other));
            }
            return new Probe(line, millis);
        }

        private static String javaBinary() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
