package com.nija.functions.alerts;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.nija.functions.lambda.LambdaContexts;
import com.nija.shared.alerts.AlertForwarder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The optional chat subscriber of the three alert topics (deployed only with CDK context {@code alertWebhookUrl}):
 * SNS invokes it with each notification and it posts one readable message to the webhook. A webhook that fails
 * throws, so Lambda retries the event (twice) and then keeps it in the function's dead-letter queue, which alarms.
 * Slack incoming webhooks cannot confirm an SNS HTTPS subscription, hence a function rather than a direct one.
 */
public class AlertWebhookHandler extends MicronautRequestHandler<SNSEvent, Void> {
    @Inject AlertForwarder forwarder;

    public AlertWebhookHandler() {}

    public AlertWebhookHandler(ApplicationContext context) {
        super(context);
    }

    /** Singletons on first use, not all at start: see {@link LambdaContexts}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    @Override
    public Void execute(SNSEvent event) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            SNSEvent.SNS sns = record.getSNS();
            forwarder.forward(sns.getTopicArn(), sns.getSubject(), sns.getMessage());
        }
        return null;
    }
}
