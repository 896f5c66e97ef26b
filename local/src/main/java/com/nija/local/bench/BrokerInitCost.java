package com.nija.local.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the venue adapters add to the executor's init: the time to build the shared JDK HTTP client and the five venue
 * clients the first time in a JVM, measured in {@code runs} fresh JVMs ({@link BrokerInitProbe}) started with the
 * JIT setting the cold-start benchmark uses (C1 only, as Lambda's Java runtimes recommend), each on this JVM's class
 * path. {@code afterAws}: each JVM first built the AWS SDK HTTP client the executor has anyway ({@code awsNanos}, not
 * the adapters' cost), which sets up TLS; otherwise the JDK HTTP client pays for TLS itself.
 */
record BrokerInitCost(boolean afterAws, List<Long> awsNanos, List<Long> httpNanos, List<Long> clientsNanos) {
    /** The budget for what the adapters add to the executor's init. */
    static final long TARGET_MILLIS = 100;
    private static final Pattern LINE = Pattern.compile(
            BrokerInitProbe.LINE + " aws=(\\d+) http=(\\d+) clients=(\\d+) count=5");

    static BrokerInitCost measure(int runs, boolean afterAws) throws IOException, InterruptedException {
        List<Long> aws = new ArrayList<>();
        List<Long> http = new ArrayList<>();
        List<Long> clients = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=log4j2-local.xml",
                    "-cp", System.getProperty("java.class.path"), BrokerInitProbe.class.getName(),
                    afterAws ? BrokerInitProbe.AFTER_AWS : "bare")
                    .redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            Matcher found = null;
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.append(line).append('\n');
                    Matcher m = LINE.matcher(line);
                    if (m.matches()) found = m;
                }
            }
            int exit = probe.waitFor();
            if (found == null || exit != 0) {
                throw new IllegalStateException("the init probe (a fresh JVM building the five venue clients) exited "
                        + exit + " without its timing line:\n" + output);
            }
            aws.add(Long.parseLong(found.group(1)));
            http.add(Long.parseLong(found.group(2)));
            clients.add(Long.parseLong(found.group(3)));
        }
        return new BrokerInitCost(afterAws, List.copyOf(aws), List.copyOf(http), List.copyOf(clients));
    }

    List<Long> totalNanos() {
        List<Long> totals = new ArrayList<>();
        for (int i = 0; i < httpNanos.size(); i++) totals.add(httpNanos.get(i) + clientsNanos.get(i));
        return totals;
    }

    /** The adapters' share of a typical init (the median run) is within the budget. */
    boolean withinTarget() {
        return median(totalNanos()) <= TARGET_MILLIS * 1_000_000;
    }

    /** The middle value (the upper one of an even count). */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}
