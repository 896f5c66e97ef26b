package com.nija.shared.live;

import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers updates to connections: per connection, its updates in order, packed into messages of at most 10
 * updates and 32 KB ({@link MessageBatcher}), each with the connection's next sequence number, posted through
 * {@link PushSender}. A Gone connection is removed (item, price watches, counter) and gets nothing more. Many
 * connections are served in parallel, and this returns only when every post has ended, so nothing is left running
 * when a Lambda invocation returns. Counts {@code PushSent}, {@code PushGone}, {@code PushFailed},
 * {@code PushRetried} on the calling thread (the invocation's metrics). Never throws.
 */
@Singleton
public class PushDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PushDispatcher.class);

    /** Where one connection's updates go. */
    /** A connection to push to; {@code endpoint} is its API's {@code @connections} URL (null: this region's). */
    public record Recipient(String userId, String connectionId, Format format, String endpoint) {}

    /** How delivery to a connection ended: SENT (every message), GONE (removed), CLOSED (no longer stored), FAILED. */
    public enum Result { SENT, GONE, CLOSED, FAILED }

    private final PushSender sender;
    private final SequenceNumbers sequences;
    private final ConnectionRegistry registry;
    private final MessageBatcher batcher;
    private final Clock clock;
    private final ExecutorService workers;

    public PushDispatcher(PushSender sender, SequenceNumbers sequences, ConnectionRegistry registry, LiveConfig config,
                          Clock clock) {
        this.sender = sender;
        this.sequences = sequences;
        this.registry = registry;
        this.batcher = MessageBatcher.from(config);
        this.clock = clock;
        // Threads start on first use, never during init (SnapStart); idle ones end after a minute.
        int threads = Math.max(1, config.getPushThreads());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    public boolean enabled() {
        return sender.enabled();
    }

    /** Delivers each recipient's updates; returns how each delivery ended. */
    public Map<Recipient, Result> deliver(Map<Recipient, List<LiveUpdate>> work) {
        Map<Recipient, Result> results = new LinkedHashMap<>();
        if (work.isEmpty()) return results;
        Tally tally = new Tally();
        if (work.size() == 1) {
            work.forEach((r, updates) -> results.put(r, deliverOne(r, updates, tally)));
        } else {
            Map<Recipient, Future<Result>> running = new LinkedHashMap<>();
            work.forEach((r, updates) -> running.put(r, workers.submit(() -> deliverOne(r, updates, tally))));
            running.forEach((r, f) -> results.put(r, await(r, f)));
        }
        tally.record();
        return results;
    }

    private Result deliverOne(Recipient r, List<LiveUpdate> updates, Tally tally) {
        boolean anyFailed = false;
        try {
            for (List<LiveUpdate> batch : batcher.split(updates, r.format())) {
                OptionalLong seq = sequences.next(r.userId(), r.connectionId());
                if (seq.isEmpty()) return Result.CLOSED;
                byte[] message = MessageCodec.encode(LiveMessage.of(seq.getAsLong(), clock.instant(), batch), r.format());
                PushSender.Outcome outcome = sender.post(r.endpoint(), r.connectionId(), message);
                tally.retried.addAndGet(Math.max(0, outcome.attempts() - 1));
                switch (outcome.status()) {
                    case SENT -> tally.sent.incrementAndGet();
                    case GONE -> {
                        tally.gone.incrementAndGet();
                        forget(r);
                        return Result.GONE;
                    }
                    case FAILED -> {
                        // The client sees the gap in sequence numbers and refetches; later messages still go.
                        tally.failed.incrementAndGet();
                        anyFailed = true;
                    }
                }
            }
            return anyFailed ? Result.FAILED : Result.SENT;
        } catch (RuntimeException e) {
            tally.failed.incrementAndGet();
            LOG.warn("push to {} failed: {}", r.connectionId(), e.toString());
            return Result.FAILED;
        }
    }

    /** A stale connection: API Gateway no longer knows it, so its item, watches and counter go. */
    private void forget(Recipient r) {
        LOG.info("connection {} of {} is gone; removing it", r.connectionId(), r.userId());
        registry.close(r.userId(), r.connectionId());
        sequences.forget(r.connectionId());
    }

    private Result await(Recipient r, Future<Result> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.FAILED;
        } catch (ExecutionException e) {
            LOG.warn("push to {} failed: {}", r.connectionId(), String.valueOf(e.getCause()));
            return Result.FAILED;
        }
    }

    @PreDestroy
    void close() {
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "live-push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Outcomes counted across worker threads, recorded once on the invocation's thread. */
    private static final class Tally {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger gone = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();

        void record() {
            count("PushSent", sent.get());
            count("PushGone", gone.get());
            count("PushFailed", failed.get());
            count("PushRetried", retried.get());
        }

        private static void count(String name, int n) {
            if (n > 0) Telemetry.record(new Metric(name, n, Metric.Unit.COUNT, null, null));
        }
    }
}
