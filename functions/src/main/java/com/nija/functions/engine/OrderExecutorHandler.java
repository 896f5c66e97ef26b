package com.nija.functions.engine;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.nija.functions.http.QueueHandler;
import com.nija.shared.data.Queues;
import com.nija.shared.engine.ExecutionResult;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.OrderRequest;
import com.nija.shared.engine.TradingEngine;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.slf4j.MDC;

/**
 * Executor — triggered by the orders FIFO queue (one message per trader and signal, MessageGroupId = trader).
 * Runs the trading engine for each; a broker that confirms nothing was placed gets the message retried, and on
 * the last attempt the order is recorded as failed instead. A live order its venue has not settled yet (no answer,
 * the key's rate limit spent, a market order accepted but not filled) is retried the same way: the redelivery finds
 * it SUBMITTED or RESTING and asks the venue before anything is placed again. Poison messages go to the DLQ after
 * {@code maxReceiveCount} receives.
 */
public class OrderExecutorHandler extends QueueHandler {
    @Inject TradingEngine engine;

    public OrderExecutorHandler() {}

    public OrderExecutorHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected boolean process(SQSEvent.SQSMessage message) {
        OrderRequest request = OrderMessages.readOrder(message.getBody());
        MDC.put("user_id", request.userId());
        MDC.put("signal_id", request.requestId());
        try {
            int receives = receiveCount(message);
            ExecutionResult result = engine.execute(request, receives > 1, receives >= Queues.ORDERS.maxReceiveCount());
            return !result.retry();
        } finally {
            MDC.remove("user_id");
            MDC.remove("signal_id");
        }
    }
}
