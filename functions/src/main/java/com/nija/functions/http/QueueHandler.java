package com.nija.functions.http;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every SQS-triggered function does around its own logic: processes each record on its own, reports the
 * ones to retry as partial batch failures (ReportBatchItemFailures), and — for FIFO queues — also fails every
 * later record of a group that failed, so a trader's orders are never applied out of order.
 */
public abstract class QueueHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(QueueHandler.class);

    private final String service = getClass().getSimpleName().replace("Handler", "");

    protected QueueHandler() {}

    protected QueueHandler(ApplicationContext context) {
        super(context);
    }

    /** Processes one message: true when done, false to have it delivered again. Throwing also retries it. */
    protected abstract boolean process(SQSEvent.SQSMessage message);

    @Override
    public final SQSBatchResponse execute(SQSEvent event) {
        Telemetry.begin();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        try {
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                String group = m.getAttributes() == null ? null : m.getAttributes().get("MessageGroupId");
                if (group != null && failedGroups.contains(group)) {
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
                if (!done) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                    if (group != null) failedGroups.add(group);
                }
            }
        } finally {
            Telemetry.record(new Metric("MessagesRetried", failures.size(), Metric.Unit.COUNT, null, null));
            Telemetry.end(service);
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** How many times SQS has handed this message out, including now. */
    protected static int receiveCount(SQSEvent.SQSMessage m) {
        String v = m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
        return v == null ? 1 : Integer.parseInt(v);
    }
}
