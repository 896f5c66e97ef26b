package com.nija.functions.signals;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.nija.functions.http.QueueHandler;
import com.nija.shared.engine.OrderMessages;
import com.nija.shared.engine.Signal;
import com.nija.shared.signals.FanoutService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.slf4j.MDC;

/**
 * Signal fan-out — triggered by the signals queue. Sends one order message per subscribed trader to the orders
 * FIFO queue. Safe to repeat: dedup ids and the executor's conditional order writes absorb a second fan-out.
 */
public class SignalFanoutHandler extends QueueHandler {
    @Inject FanoutService fanout;

    public SignalFanoutHandler() {}

    public SignalFanoutHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected boolean process(SQSEvent.SQSMessage message) {
        Signal signal = OrderMessages.readSignal(message.getBody());
        MDC.put("signal_id", signal.signalId());
        try {
            fanout.fanOut(signal);
            return true;
        } finally {
            MDC.remove("signal_id");
        }
    }
}
