package com.nija.functions.http;

import io.micronaut.context.ApplicationContextBuilder;
import com.nija.functions.lambda.LambdaContexts;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every SQS-triggered function does around its own logic: processes each record on its own, reports the
 * ones to retry as partial batch failures (ReportBatchItemFailures), and — for FIFO queues — also fails every
 * later record of a group that failed, so a trader's orders are never applied out of order.
 */
public abstract class QueueHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    /** Singletons on first use, not all at start: see {@link LambdaContexts}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    private static final Logger LOG = LoggerFactory.getLogger(QueueHandler.class);
    /** SQS batches hold at most 10 records, so at most 10 groups run at once per invocation. */
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(10, r -> {
        Thread t = new Thread(r, "queue-group");
        t.setDaemon(true);
        return t;
    });

    private final String service = Telemetry.service(getClass().getName());

    protected QueueHandler() {}

    protected QueueHandler(ApplicationContext context) {
        super(context);
    }

    /** Processes one message: true when done, false to have it delivered again. Throwing also retries it. */
    protected abstract boolean process(SQSEvent.SQSMessage message);

    @Override
    public final SQSBatchResponse execute(SQSEvent event) {
        // Records of one message group stay in order on one thread; different groups (traders) run side by side,
        // so a batch of ten traders' orders costs about one order's latency, not ten.
        Map<String, List<SQSEvent.SQSMessage>> groups = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            String group = m.getAttributes() == null ? null : m.getAttributes().get("MessageGroupId");
            groups.computeIfAbsent(group == null ? m.getMessageId() : group, g -> new ArrayList<>()).add(m);
        }
        List<Future<List<SQSBatchResponse.BatchItemFailure>>> running = new ArrayList<>();
        for (List<SQSEvent.SQSMessage> group : groups.values()) running.add(WORKERS.submit(() -> processGroup(group)));
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (Future<List<SQSBatchResponse.BatchItemFailure>> f : running) {
            try {
                failures.addAll(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while processing a batch", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("group processing failed", e.getCause());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** One group's records in order; after a failure the rest of the group fails too (FIFO order is kept). */
    private List<SQSBatchResponse.BatchItemFailure> processGroup(List<SQSEvent.SQSMessage> records) {
        Telemetry.begin();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            for (SQSEvent.SQSMessage m : records) {
                if (!failures.isEmpty()) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                    continue;
                }
                MDC.put("message_id", m.getMessageId());
                boolean done;
                try {
                    done = process(m);
                } catch (RuntimeException e) {
                    LOG.error("message {} failed; it will be retried", m.getMessageId(), e);
                    Telemetry.record(Metric.count("Error", "type", e.getClass().getSimpleName()));
                    done = false;
                } finally {
                    MDC.remove("message_id");
                }
                if (!done) failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        } finally {
            Telemetry.record(new Metric("MessagesRetried", failures.size(), Metric.Unit.COUNT, null, null));
            Telemetry.end(service);
        }
        return failures;
    }

    /** How many times SQS has handed this message out, including now. */
    protected static int receiveCount(SQSEvent.SQSMessage m) {
        String v = m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
        return v == null ? 1 : Integer.parseInt(v);
    }
}
