package com.nija.functions.support;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQS events for the queue workers, loaded from {@code events/sqs/} the way the Lambda runtime deserializes them and
 * re-pointed at a test's own trader and signal.
 */
public final class SqsEvents {
    private static final PojoSerializer<SQSEvent> SQS =
            LambdaEventSerializers.serializerFor(SQSEvent.class, SqsEvents.class.getClassLoader());

    private SqsEvents() {}

    /** An SQS event from {@code events/<path>}, unchanged. */
    public static SQSEvent load(String path) {
        try (InputStream in = SqsEvents.class.getResourceAsStream("/events/" + path)) {
            if (in == null) throw new IllegalArgumentException("no event file events/" + path);
            return SQS.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample order message ({@code events/sqs/order-executor.json}) carrying {@code request}, as its
     * {@code receiveCount}-th delivery: group id = the trader, dedup id = hash(signal, trader), as fan-out sends it.
     */
    public static SQSEvent order(OrderRequest request, int receiveCount) {
        SQSEvent event = load("sqs/order-executor.json");
        SQSEvent.SQSMessage m = event.getRecords().get(0);
        m.setMessageId("msg-" + OrderMessages.dedupId(request.requestId(), request.userId()).substring(0, 16));
        m.setBody(OrderMessages.write(request));
        Map<String, String> attributes = new LinkedHashMap<>(m.getAttributes());
        attributes.put("MessageGroupId", request.userId());
        attributes.put("MessageDeduplicationId", OrderMessages.dedupId(request.requestId(), request.userId()));
        attributes.put("ApproximateReceiveCount", Integer.toString(receiveCount));
        m.setAttributes(attributes);
        return event;
    }

    /** The first delivery of {@code request}. */
    public static SQSEvent order(OrderRequest request) {
        return order(request, 1);
    }

    /** The sample fan-out message ({@code events/sqs/signal-fanout.json}) carrying {@code signal}. */
    public static SQSEvent signal(Signal signal) {
        SQSEvent event = load("sqs/signal-fanout.json");
        event.getRecords().get(0).setBody(OrderMessages.write(signal));
        return event;
    }
}
