package com.nija.functions.notifications;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.support.Events;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.SqsEvents;
import com.nija.local.services.FreePort;
import com.nija.local.services.mail.GreenMailServer;
import com.nija.shared.data.QueueProvisioner;
import com.nija.shared.data.Queues;
import com.nija.shared.notifications.NotificationMessage;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The notification routes and worker on one context whose stand-ins are real: GreenMail receives the emails (SMTP),
 * one WireMock plays the traders' webhook endpoints, Telegram's Bot API and Discord's webhooks (their API bases point
 * at it), and the notifications queue is an ElasticMQ queue of the shared backends. Channels fail for good after
 * {@value #DISABLE_AFTER} attempts in a row, so the disabling is cheap to reach.
 */
final class NotificationBench {
    static final int DISABLE_AFTER = 3;
    static final String BOT_TOKEN = "7001234567:AAHbotTokenThatMustNeverBeSeen_0123456";
    private static NotificationBench instance;

    final GreenMailServer mail = GreenMailServer.start(FreePort.find());
    final WireMockServer stubs = new WireMockServer(wireMockConfig().dynamicPort());
    final ApplicationContext context;
    final SqsClient sqs;
    final String queueUrl;
    final GetNotificationPreferencesHandler getPreferences;
    final PutNotificationPreferencesHandler putPreferences;
    final PutNotificationChannelHandler putChannel;
    final DeleteNotificationChannelHandler deleteChannel;
    final ListNotificationDeliveriesHandler deliveries;
    final NotificationWorkerHandler worker;
    final OrderExecutorHandler executor;

    private NotificationBench() {
        stubs.start();
        Map<String, Object> backends = LocalBackends.get().properties();
        sqs = SqsClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(backends.get("nija.sqs-endpoint").toString()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        queueUrl = new QueueProvisioner(sqs).ensure(Queues.NOTIFICATIONS);
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("nija.notifications-queue-url", queueUrl);
        overrides.put("nija.notifications.email-transport", "smtp");
        overrides.put("nija.notifications.smtp-host", mail.host());
        overrides.put("nija.notifications.smtp-port", mail.port());
        overrides.put("nija.notifications.email-from", "notifications@nija.test");
        overrides.put("nija.notifications.allow-local-webhooks", true);
        overrides.put("nija.notifications.telegram-bot-token", BOT_TOKEN);
        overrides.put("nija.notifications.telegram-api-base", stubs.baseUrl());
        overrides.put("nija.notifications.discord-api-base", stubs.baseUrl() + "/discord/api");
        overrides.put("nija.notifications.disable-after", DISABLE_AFTER);
        context = LocalBackends.get().newContext(overrides);
        getPreferences = new GetNotificationPreferencesHandler(context);
        putPreferences = new PutNotificationPreferencesHandler(context);
        putChannel = new PutNotificationChannelHandler(context);
        deleteChannel = new DeleteNotificationChannelHandler(context);
        deliveries = new ListNotificationDeliveriesHandler(context);
        worker = new NotificationWorkerHandler(context);
        executor = new OrderExecutorHandler(context);
    }

    /** One per test JVM; every test uses traders of its own. */
    static synchronized NotificationBench get() {
        if (instance == null) {
            instance = new NotificationBench();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.context.close();
                instance.stubs.stop();
                instance.mail.close();
                instance.sqs.close();
            }));
        }
        return instance;
    }

    APIGatewayV2HTTPResponse preferences(String user) {
        return getPreferences.handleRequest(Events.http("api/get-notification-preferences.json", user), null);
    }

    APIGatewayV2HTTPResponse choose(String user, String body) {
        return putPreferences.handleRequest(Events.withBody(
                Events.http("api/put-notification-preferences.json", user), body), null);
    }

    APIGatewayV2HTTPResponse setUp(String user, String channel, String body) {
        return putChannel.handleRequest(Events.withBody(onChannel("api/put-notification-channel.json", user, channel),
                body), null);
    }

    APIGatewayV2HTTPResponse remove(String user, String channel) {
        return deleteChannel.handleRequest(onChannel("api/delete-notification-channel.json", user, channel), null);
    }

    APIGatewayV2HTTPResponse deliveries(String user, Map<String, String> query) {
        return deliveries.handleRequest(Events.withQuery(Events.http("api/list-notification-deliveries.json", user),
                query), null);
    }

    private static APIGatewayV2HTTPEvent onChannel(String file, String user, String channel) {
        APIGatewayV2HTTPEvent event = Events.http(file, user);
        Map<String, String> params = new HashMap<>();
        params.put("channel", channel);
        event.setPathParameters(params);
        event.setRawPath("/api/v1/notifications/channels/" + channel);
        return event;
    }

    /** The queued notifications of {@code user} (received, so no one else takes them), oldest first. */
    List<Message> queued(String user) {
        List<Message> mine = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(30).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            for (Message m : batch) {
                if (NotificationMessage.read(m.body()).traderId().equals(user)) mine.add(m);
                else sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())
                        .visibilityTimeout(0));
            }
            if (batch.isEmpty() && !mine.isEmpty()) break;
        }
        return mine;
    }

    /** The worker handed {@code message} as its {@code receive}-th delivery, the way Lambda's event source hands it. */
    SQSBatchResponse work(NotificationMessage message, int receive) {
        SQSEvent event = SqsEvents.load("sqs/notification-worker.json");
        SQSEvent.SQSMessage m = event.getRecords().get(0);
        m.setBody(message.write());
        m.setMessageId("n-" + message.event().id() + "-" + receive);
        m.setReceiptHandle(null);
        Map<String, String> attributes = new LinkedHashMap<>(m.getAttributes());
        attributes.put("ApproximateReceiveCount", Integer.toString(receive));
        m.setAttributes(attributes);
        return worker.handleRequest(event, null);
    }
}
