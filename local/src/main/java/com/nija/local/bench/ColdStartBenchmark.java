package com.nija.local.bench;

import com.nija.local.platform.Backends;
import com.nija.local.platform.FunctionRuntime;
import com.nija.local.platform.LocalSecrets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench cold-start}: per function (by default {@code get-positions}, then {@code get-dashboard}), launches a fresh
 * JVM per run that builds the handler and answers its first request, and reports where the time goes: JVM boot → main,
 * handler init (Micronaut context, SDK clients, table schemas), first invocation (lazy class loading, first
 * DynamoDB/Redis connections), and a warm second invocation for comparison; then one more JVM per function for the
 * live heap after init and after priming.
 */
public final class ColdStartBenchmark {
    private ColdStartBenchmark() {}

    public static int run(Path home, int runs, List<String> functions) throws Exception {
        String jar = Path.of(ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try (Backends backends = Backends.start(null)) {
            String secret = LocalSecrets.cursorSecret(home);
            try (FunctionRuntime runtime = new FunctionRuntime(backends.dynamodbEndpoint(), backends.redisUrl(),
                    backends.sqsEndpoint(), secret, java.util.Map.of())) {
                runtime.provisionTables();
            }
            for (String function : functions) {
                System.out.printf("cold start of %s (no SnapStart), %d runs, %d cores, java %s%n",
                        function, runs, Runtime.getRuntime().availableProcessors(), Runtime.version());
                List<Long> totals = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    Probe run = probe(jar, backends, secret, function, false);
                    totals.add(run.millis());
                    System.out.printf("run %d: launch→first response %d ms | %s%n", i + 1, run.millis(), run.line());
                }
                totals.sort(Long::compare);
                System.out.printf("median launch→first response: %d ms%n", totals.get(totals.size() / 2));
                System.out.printf("heap in use (live, after a full GC): %s%n",
                        probe(jar, backends, secret, function, true).line());
            }
        }
        return 0;
    }

    /** The probe's result line (timings, or the heap) and the time from launch until it was printed. */
    private record Probe(String line, long millis) {}

    private static Probe probe(String jar, Backends backends, String secret, String function, boolean heap)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=log4j2-local.xml", "-cp", jar,
                ColdStartProbe.class.getName(), function));
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
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                if (l.startsWith("COLD ") || l.startsWith("HEAP ")) {
                    line = l.substring(5);
                    break;
                }
            }
        }
        long millis = (System.nanoTime() - launched) / 1_000_000;
        p.waitFor();
        return new Probe(line, millis);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
