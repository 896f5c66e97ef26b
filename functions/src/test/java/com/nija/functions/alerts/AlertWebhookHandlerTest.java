package com.nija.functions.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nija.functions.support.Events;
import com.nija.functions.support.LogCapture;
import com.nija.shared.alerts.WebhookPoster;
import com.nija.shared.json.Json;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chat forwarder of the alert topics against a Slack incoming webhook on WireMock (Slack API docs, "Sending
 * messages using incoming webhooks": POST JSON {@code {"text": ...}}, 200 {@code ok}; errors such as 403
 * {@code invalid_token}, 404 {@code no_service}, 500): what lands in the channel, and what happens when the hook
 * fails — the invocation fails so Lambda retries it, and the hook's secret URL appears nowhere.
 */
class AlertWebhookHandlerTest {
    /** A Slack hook's path is its credential. */
    private static final String HOOK_PATH = "/services/T0AAA0000/B0BBB0000/hookSecretXyZ123";
    private static final WireMockServer SLACK = new WireMockServer(options().dynamicPort());
    private static final ApplicationContext CONTEXT;

    static {
        SLACK.start();
        // The forwarder needs no table, queue or cache: a bare context, as its Lambda has.
        CONTEXT = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("nija.alerts.webhook-url", SLACK.baseUrl() + HOOK_PATH)).start();
    }

    private final AlertWebhookHandler handler = new AlertWebhookHandler(CONTEXT);

    @AfterAll
    static void stop() {
        CONTEXT.close();
        SLACK.stop();
    }

    @BeforeEach
    void slackAccepts() {
        SLACK.resetAll();
        SLACK.stubFor(post(urlPathEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    private String posted() {
        var requests = SLACK.findAll(postRequestedFor(urlPathEqualTo(HOOK_PATH))
                .withHeader("Content-Type", equalTo("application/json")));
        assertThat(requests).hasSize(1);
        var body = Json.readTree(requests.get(0).getBodyAsString()).orElseThrow();
        assertThat(body.size()).as("Slack's shape: text only").isEqualTo(1);
        return body.path("text").asText();
    }

    @Test
    @DisplayName("our own alert reaches the channel as it was written: severity, what, whom, first check")
    void ownAlert() {
        handler.handleRequest(Events.sns("sns/alert-kill-switch.json"), null);

        assertThat(posted()).startsWith("[CRITICAL] Kill switch engaged").contains("Whom: all traders")
                .contains("What: engaged by ops-admin: exchange outage").contains("First check: ");
    }

    @Test
    @DisplayName("a CloudWatch alarm becomes one readable message: the topic's severity, the alarm, its description (whom, first check), why")
    void cloudWatchAlarm() {
        handler.handleRequest(Events.sns("sns/cloudwatch-alarm-dlq.json"), null);

        assertThat(posted()).startsWith("[CRITICAL] ALARM: NijaProdUsEast1-AlarmsDlqorders\n")
                .contains("orders dead-letter queue").contains("First check: ")
                .contains("Why: Threshold Crossed").doesNotContain("{\"AlarmName\"");
    }

    @ParameterizedTest(name = "Slack answers {0}")
    @ValueSource(ints = {403, 404, 500, 503})
    @DisplayName("a webhook that refuses fails the invocation (Lambda retries, then the DLQ), naming the status and never the URL")
    void refused(int status) {
        SLACK.stubFor(post(urlPathEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(status)
                .withBody(status == 403 ? "invalid_token" : "no_service")));
        try (LogCapture logs = LogCapture.everything()) {
            assertThatThrownBy(() -> handler.handleRequest(Events.sns("sns/alert-kill-switch.json"), null))
                    .isInstanceOf(WebhookPoster.WebhookFailedException.class)
                    .satisfies(e -> assertThat(messages(e)).contains("HTTP " + status).doesNotContain("hookSecretXyZ123")
                            .doesNotContain(SLACK.baseUrl()));
            assertThat(String.join("\n", logs.allText())).doesNotContain("hookSecretXyZ123");
        }
    }

    @Test
    @DisplayName("a webhook that drops the connection fails the invocation too, without the URL")
    void unreachable() {
        SLACK.stubFor(post(urlPathEqualTo(HOOK_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> handler.handleRequest(Events.sns("sns/alert-kill-switch.json"), null))
                .isInstanceOf(WebhookPoster.WebhookFailedException.class)
                .satisfies(e -> assertThat(messages(e)).contains("unreachable").doesNotContain("hookSecretXyZ123")
                        .doesNotContain(SLACK.baseUrl()));
    }

    /** Every message in the exception's chain, and its toString, as a log line would show them. */
    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) sb.append(t).append('\n');
        return sb.toString();
    }
}
