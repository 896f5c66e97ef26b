package com.nija.local.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: N clients, each on its own keep-alive connection ({@link BenchHttpConnection}), send requests
 * back to back for a duration and record every latency. {@code beforeEach} runs outside the timed span (e.g. invalidating a cache).
 */
final class LoadRun {
    /**
     * @param cpuNanos CPU time this JVM used during the timed phase (clients, gateway and handlers together; Redis
     *                 and dynalite run in their own processes): per request, a figure the machine's other load
     *                 disturbs far less than latency
     * @param idleCpuPerSecond CPU this JVM burns per second while no request runs (the platform's pollers and
     *                         timers): subtracted for {@code net/req}, the CPU a request itself costs
     */
    record Result(String name, int clients, long requests, long errors, double seconds, Histogram latencies,
                  long cpuNanos, long idleCpuPerSecond) {
        double throughput() {
            return requests / seconds;
        }

        String line() {
            return String.format("%-34s clients=%-3d n=%-7d err=%-4d p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  %8.0f req/s"
                            + "  cpu/req=%5.2f ms  net/req=%5.2f ms",
                    name, clients, requests, errors, ms(latencies.getValueAtPercentile(50)),
                    ms(latencies.getValueAtPercentile(95)), ms(latencies.getValueAtPercentile(99)), throughput(),
                    requests == 0 ? 0 : ms(cpuNanos / requests),
                    requests == 0 ? 0 : ms((long) (cpuNanos - idleCpuPerSecond * seconds) / requests));
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /** One GET: the request target (path and query) and the caller's bearer token. */
    record Get(String target, String bearerToken) {
    }

    /** What one client does per request: the request for iteration {@code i}, and any untimed preparation. */
    interface Client {
        Get request(int i);

        default void beforeEach(int i) {}
    }

    private LoadRun() {}

    /** @param base the gateway's base URI (scheme, host, port) */
    static Result run(String name, URI base, int clients, Duration warmup, Duration duration, long idleCpuPerSecond,
                      IntFunction<Client> clientFactory) throws InterruptedException {
        phase(base, clients, warmup, clientFactory, null, new AtomicLong(), new AtomicLong());
        Recorder recorder = new Recorder(3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long cpuBefore = Machine.processCpuNanos();
        long started = System.nanoTime();
        phase(base, clients, duration, clientFactory, recorder, requests, errors);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(name, clients, requests.get(), errors.get(), seconds, recorder.getIntervalHistogram(),
                Machine.processCpuNanos() - cpuBefore, idleCpuPerSecond);
    }

    /** The CPU this JVM uses per second of {@code window} while nothing is asked of it. */
    static long idleCpuPerSecond(Duration window) throws InterruptedException {
        long before = Machine.processCpuNanos();
        long started = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (long) ((Machine.processCpuNanos() - before) / ((System.nanoTime() - started) / 1e9));
    }

    private static void phase(URI base, int clients, Duration length, IntFunction<Client> factory, Recorder recorder,
                              AtomicLong requests, AtomicLong errors) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = factory.apply(c);
            Thread t = new Thread(() -> {
                try (BenchHttpConnection connection = new BenchHttpConnection(base)) {
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                        client.beforeEach(i);
                        Get request = client.request(i);
                        long t0 = System.nanoTime();
                        int status = connection.get(request.target(), request.bearerToken());
                        long elapsed = System.nanoTime() - t0;
                        if (status != 200) errors.incrementAndGet();
                        if (recorder != null) recorder.recordValue(elapsed);
                        requests.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        done.await();
    }
}
