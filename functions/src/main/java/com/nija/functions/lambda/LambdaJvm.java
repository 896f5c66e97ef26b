package com.nija.functions.lambda;

import java.util.List;

/**
 * The JVM options every function runs with ({@code JAVA_TOOL_OPTIONS}, set by the CDK app's function factory), and that
 * {@code bench cold-start} starts its probes with, so the measured cold start is the deployed one
 * (docs/PERFORMANCE.md, issue 19).
 */
public final class LambdaJvm {
    /**
     * C1 only: the fastest start for short-lived functions (AWS's guidance; java21's default too, stated so the bench
     * matches). The serial collector, chosen rather than left to the JVM's ergonomics (which pick by the memory and
     * CPUs they see): with heaps this small G1's concurrent threads cost more CPU before the first response than they
     * save (measured in bench cold-start).
     */
    public static final List<String> OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    private LambdaJvm() {}

    /** {@link #OPTIONS} as the value of {@code JAVA_TOOL_OPTIONS}. */
    public static String javaToolOptions() {
        return String.join(" ", OPTIONS);
    }
}
