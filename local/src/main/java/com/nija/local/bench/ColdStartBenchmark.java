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
 * {@code bench cold-start}: launches a fresh JVM per run that builds one handler ({@code get-positions}) and
 * answers its first request, and reports where the time goes: JVM boot → main, handler init (Micronaut context,
 * SDK clients, table schemas), first invocation (lazy class loading, first DynamoDB/Redis connections), and a
 * warm second invocation for comparison.
 */
public final class ColdStartBenchmark {
    private ColdStartBenchmark() {}

    public static int run(Path home, int runs) throws Exception {
        String jar = Path.of(ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try (Backends backends = Backends.start(null)) {
            String secret = LocalSecrets.cursorSecret(home);
            try (FunctionRuntime runtime = new FunctionRuntime(backends.dynamodbEndpoint(), backends.redisUrl(),
                    backends.sqsEndpoint(), secret, java.util.Map.of())) {
                runtime.provisionTables();
            }
            System.out.printf("cold start of get-positions (no SnapStart), %d runs, %d cores, java %s%n",
                    runs, Runtime.getRuntime().availableProcessors(), Runtime.version());
            List<Long> totals = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                        "-Dlog4j2.configurationFile=log4j2-local.xml", "-cp", jar, ColdStartProbe.class.getName(),
                        "get-positions").redirectErrorStream(true);
                pb.environment().put(Backends.DYNAMODB_ENV, backends.dynamodbEndpoint());
                pb.environment().put(Backends.REDIS_ENV, backends.redisUrl());
                pb.environment().put("NIJA_CURSOR_SECRET", secret);
                // As in Lambda: EMF metrics go to stdout rather than looking for a CloudWatch agent.
                pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", "get-positions");
                pb.environment().put("POWERTOOLS_SERVICE_NAME", "get-positions");
                long launched = System.nanoTime();
                Process p = pb.start();
                String line = null;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        if (l.startsWith("COLD ")) {
                            line = l;
                            break;
                        }
                    }
                }
                long total = (System.nanoTime() - launched) / 1_000_000;
                p.waitFor();
                totals.add(total);
                System.out.printf("run %d: launch→first response %d ms | %s%n", i + 1, total, line);
            }
            totals.sort(Long::compare);
            System.out.printf("median launch→first response: %d ms%n", totals.get(totals.size() / 2));
        }
        return 0;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
