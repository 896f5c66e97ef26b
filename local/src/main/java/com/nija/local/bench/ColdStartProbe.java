package com.nija.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.priming.Priming;
import com.nija.functions.routes.RouteTable;
import com.nija.local.gateway.LocalLambdaContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Runs in a fresh JVM the way Lambda would without SnapStart: construct the handler (its own Micronaut
 * context, clients, table schemas), then invoke it twice. Prints one line of timings for the parent, with the JVM's
 * CPU time and the number of classes loaded at the first response. With
 * {@code --heap} it times nothing and instead prints the live heap after init and after SnapStart priming (each after a
 * full GC, which would distort the timings): what a snapshot would hold.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        var route = RouteTable.byFunction(args[0]).orElseThrow();
        if (args.length > 1 && args[1].equals("--heap")) {
            var handler = (MicronautRequestHandler<?, ?>) route.handler().getConstructor().newInstance();
            long afterInit = liveHeap();
            handler.getApplicationContext().getBean(Priming.class).prime();
            System.out.printf("HEAP afterInit=%.1fMB afterPriming=%.1fMB%n", afterInit / 1e6, liveHeap() / 1e6);
            System.exit(0);
        }
        long t0 = System.nanoTime();
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                route.handler().getConstructor().newInstance();
        long t1 = System.nanoTime();
        long cpuAtInit = processCpuNanos();
        APIGatewayV2HTTPResponse first = handler.handleRequest(Priming.getEvent("cold-start-probe"),
                new LocalLambdaContext("cold-1", route.function(), Duration.ofSeconds(29)));
        long t2 = System.nanoTime();
        // The JVM's CPU time (every thread, JIT and GC included) and the classes loaded, at the first response
        long cpuAtFirst = processCpuNanos();
        long classesAtFirst = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        APIGatewayV2HTTPResponse second = handler.handleRequest(Priming.getEvent("cold-start-probe"),
                new LocalLambdaContext("cold-2", route.function(), Duration.ofSeconds(29)));
        long t3 = System.nanoTime();
        System.out.printf("COLD jvmToMain=%d init=%.1f first=%.1f second=%.1f status=%d/%d cpuInit=%d cpuFirst=%d classes=%d%n",
                mainAt - jvmStart, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                first.getStatusCode(), second.getStatusCode(), cpuAtInit / 1_000_000, cpuAtFirst / 1_000_000,
                classesAtFirst);
        System.exit(0);
    }

    /** Unlike the wall-clock timings, barely moved by other work on a shared machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
