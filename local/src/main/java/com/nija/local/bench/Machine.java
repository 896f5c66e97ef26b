package com.nija.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a benchmark prints about the machine it ran on, since other work on it moves every figure. */
final class Machine {
    private Machine() {}

    /** {@code /proc/loadavg} as it reads (1, 5 and 15-minute averages, …), or {@code n/a} off Linux. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** CPU time of this JVM (every thread, GC included): unlike wall time, barely moved by other work on the machine. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
