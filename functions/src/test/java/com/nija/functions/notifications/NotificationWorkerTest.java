package com.nija.functions.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.nija.functions.support.ApiResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nija.functions.support.SqsEvents;
import com.nija.functions.support.TestSignals;
import com.nija.functions.support.TraderFixture;
import com.nija.functions.support.TradingSetup;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.json.Json;
import com.nija.shared.notifications.NotificationEvent;
import com.nija.shared.notifications.NotificationEventType;
import com.nija.shared.notifications.NotificationMessage;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The notification worker against real stand-ins: GreenMail receives the emails, WireMock plays the trader's webhook
 * endpoint, Telegram and Discord. Judged by what a trader notices: the fill arrives once per channel, the webhook's
 * signature verifies with their secret, failures are retried and then given up, a channel that keeps failing is
 * turned off with a notice, and no secret or token is ever in a message.
 */
class NotificationWorkerTest {
    private final NotificationBench bench = NotificationBench.get();

    /** A trader with an email channel; returns its address. */
    private String withEmail(String user) {
        String address = "t-" + UUID.randomUUID() + "@example.com";
        ok(bench.setUp(user, "email", "{\"address\":\"" + address + "\"}"));
        return address;
    }

    /** A webhook channel at the stub's {@code /hooks/<user>}, answering {@code status}; returns the signing secret. */
    private String withWebhook(String user, int status) {
        bench.stubs.stubFor(post(urlPathEqualTo("/hooks/" + user)).willReturn(aResponse().withStatus(status)));
        return ok(bench.setUp(user, "webhook", "{\"url\":\"" + bench.stubs.baseUrl() + "/hooks/" + user + "\"}"))
                .path("signingSecret").asText();
    }

    private List<LoggedRequest> webhookCalls(String user) {
        return bench.stubs.findAll(postRequestedFor(urlPathEqualTo("/hooks/" + user)));
    }

    private List<MimeMessage> mailTo(String address) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : bench.mail.received()) {
            try {
                if (m.getAllRecipients()[0].toString().equals(address)) out.add(m);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static String text(MimeMessage m) {
        try {
            return m.getSubject() + "\n" + m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static NotificationMessage event(String user, NotificationEventType type, String summary) {
        return new NotificationMessage(user, new NotificationEvent(type.wire() + ":" + UUID.randomUUID(), type,
                PlatformClock.system().instant(), summary, NotificationEvent.facts("symbol", "ETH-USD")));
    }

    private JsonNode log(String user) {
        return ok(bench.deliveries(user, Map.of())).path("items");
    }

    private static JsonNode entry(JsonNode items, String channel) {
        for (JsonNode item : items) if (item.path("channel").asText().equals(channel)) return item;
        throw new AssertionError("no " + channel + " delivery in " + items);
    }

    /** The receiver's side, written apart from NIJA's signer: HMAC-SHA256(secret, "t.body"), hex. */
    private static boolean signatureVerifies(String header, String body, String secret) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : header.split(",")) parts.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        long t = Long.parseLong(parts.get("t"));
        if (Math.abs(t - PlatformClock.system().instant().getEpochSecond()) > 300) return false;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return expected.equals(parts.get("v1"));
    }

    @Test
    @DisplayName("a fill reaches the trader once by email and once as a webhook whose signature verifies with their secret")
    void fillByEmailAndSignedWebhook() throws Exception {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().create().price(symbol, "100");
        String user = trader.userId();
        String address = withEmail(user);
        String secret = withWebhook(user, 200);
        ok(bench.choose(user, "{\"events\":{\"fill\":[\"email\",\"webhook\"]}}"));

        bench.executor.handleRequest(SqsEvents.order(TestSignals.buy(symbol).usd("500").forTrader(user)), null);
        List<software.amazon.awssdk.services.sqs.model.Message> queued = bench.queued(user);
        assertThat(queued).hasSize(1);
        NotificationMessage fill = NotificationMessage.read(queued.get(0).body());
        assertThat(fill.event().type()).isEqualTo(NotificationEventType.FILL);
        SQSBatchResponse first = bench.work(fill, 1);
        SQSBatchResponse again = bench.work(fill, 2);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
        assertThat(text(mailTo(address).get(0))).contains(symbol + " buy filled").contains("price: 100");
        List<LoggedRequest> calls = webhookCalls(user);
        assertThat(calls).as("delivered once though received twice").hasSize(1);
        LoggedRequest call = calls.get(0);
        assertThat(signatureVerifies(call.getHeader("X-Nija-Signature"), call.getBodyAsString(), secret)).isTrue();
        assertThat(signatureVerifies(call.getHeader("X-Nija-Signature"), call.getBodyAsString(), "whsec_other"))
                .isFalse();
        assertThat(call.getHeader("X-Nija-Delivery")).isEqualTo(fill.event().id());
        assertThat(call.getHeader("X-Nija-Event")).isEqualTo("fill");
        JsonNode body = Json.readTree(call.getBodyAsString()).orElseThrow();
        assertThat(body.path("type").asText()).isEqualTo("fill");
        assertThat(body.path("data").path("symbol").asText()).isEqualTo(symbol);
        JsonNode log = log(user);
        assertThat(log).hasSize(2);
        log.forEach(d -> assertThat(d.path("status").asText()).isEqualTo("delivered"));
    }

    @Test
    @DisplayName("a drawdown stop reaches the trader's email once, saying which protection fired and why")
    void drawdownStopByEmail() {
        String symbol = TestSignals.uniqueSymbol();
        TraderFixture trader = TradingSetup.trader().dailyLossLimit("100000").create().price(symbol, "100")
                .rollupClose(com.nija.shared.config.PlatformClock.system().instant().minusSeconds(2 * 86_400),
                        "5.00", "20000", "-2500.00");
        String user = trader.userId();
        String address = withEmail(user);
        ok(bench.choose(user, "{\"events\":{\"drawdown-stop\":[\"email\"]}}"));

        bench.executor.handleRequest(SqsEvents.order(TestSignals.buy(symbol).usd("500").forTrader(user)), null);
        List<NotificationMessage> queued = bench.queued(user).stream()
                .map(m -> NotificationMessage.read(m.body())).toList();
        NotificationMessage stop = queued.stream()
                .filter(m -> m.event().type() == NotificationEventType.DRAWDOWN_STOP).findFirst().orElseThrow();
        bench.work(stop, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
        assertThat(text(mailTo(address).get(0))).contains("drawdown-stop: equity 7500.00 is 25.00% below its peak");
        assertThat(queued).extracting(m -> m.event().type()).contains(NotificationEventType.REFUSAL);
    }

    @Test
    @DisplayName("a webhook answering 500 is retried with backoff until it answers; the email sent beside it is not repeated")
    void retriesUntilDelivered() {
        String user = "notify-retry-" + UUID.randomUUID();
        String address = withEmail(user);
        withWebhook(user, 500);
        ok(bench.choose(user, "{\"events\":{\"refusal\":[\"email\",\"webhook\"]}}"));
        NotificationMessage refusal = event(user, NotificationEventType.REFUSAL, "ETH-USD buy refused: daily loss limit");

        SQSBatchResponse first = bench.work(refusal, 1);

        assertThat(first.getBatchItemFailures()).as("the message is received again").hasSize(1);
        JsonNode failed = entry(log(user), "webhook");
        assertThat(failed.path("status").asText()).isEqualTo("retrying");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("lastError").asText()).isEqualTo("the webhook endpoint answered HTTP 500");
        assertThat(entry(log(user), "email").path("status").asText()).isEqualTo("delivered");

        bench.stubs.stubFor(post(urlPathEqualTo("/hooks/" + user)).willReturn(aResponse().withStatus(204)));
        SQSBatchResponse second = bench.work(refusal, 2);

        assertThat(second.getBatchItemFailures()).isEmpty();
        JsonNode delivered = entry(log(user), "webhook");
        assertThat(delivered.path("status").asText()).isEqualTo("delivered");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        assertThat(webhookCalls(user)).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
        assertThat(ok(bench.preferences(user)).path("channels").findValuesAsText("consecutiveFailures"))
                .as("a success forgets the failures").containsOnly("0");
    }

    @Test
    @DisplayName("on the queue's last receive a failing delivery is recorded as failed and the message is let go")
    void givesUpOnLastReceive() {
        String user = "notify-last-" + UUID.randomUUID();
        withWebhook(user, 503);
        ok(bench.choose(user, "{\"events\":{\"payment-failed\":[\"webhook\"]}}"));

        SQSBatchResponse last = bench.work(event(user, NotificationEventType.PAYMENT_FAILED, "A payment failed"), 8);

        assertThat(last.getBatchItemFailures()).isEmpty();
        assertThat(entry(log(user), "webhook").path("status").asText()).isEqualTo("failed");
    }

    @Test
    @DisplayName("a webhook failing N times in a row is turned off, the trader is emailed why, and later events skip it")
    void disablesAfterRepeatedFailures() {
        String user = "notify-disable-" + UUID.randomUUID();
        String address = withEmail(user);
        withWebhook(user, 500);
        ok(bench.choose(user, "{\"events\":{\"live-mode\":[\"webhook\"]}}"));

        for (int i = 0; i < NotificationBench.DISABLE_AFTER; i++) {
            bench.work(event(user, NotificationEventType.LIVE_MODE, "You now trade live on kraken"), 1);
        }
        List<software.amazon.awssdk.services.sqs.model.Message> notices = bench.queued(user);
        assertThat(notices).hasSize(1);
        NotificationMessage notice = NotificationMessage.read(notices.get(0).body());
        bench.work(notice, 1);
        bench.work(event(user, NotificationEventType.LIVE_MODE, "You now trade on paper"), 1);

        JsonNode webhook = ok(bench.preferences(user)).path("channels").findParents("channel").stream()
                .filter(c -> c.path("channel").asText().equals("webhook")).findFirst().orElseThrow();
        assertThat(webhook.path("enabled").asBoolean()).isFalse();
        assertThat(webhook.path("disabledReason").asText()).contains("3 deliveries in a row failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
        assertThat(text(mailTo(address).get(0))).contains("Your webhook notifications are turned off")
                .contains("PUT /api/v1/notifications/channels/webhook");
        assertThat(webhookCalls(user)).as("nothing sent once disabled").hasSize(NotificationBench.DISABLE_AFTER);
        assertThat(log(user)).anySatisfy(d -> {
            assertThat(d.path("event").asText()).isEqualTo("live-mode");
            assertThat(d.path("status").asText()).isEqualTo("skipped");
        });
    }

    @Test
    @DisplayName("Telegram gets sendMessage with the chat id as a number and the text; Discord an execute with no mentions")
    void telegramAndDiscordShapes() {
        String user = "notify-chat-" + UUID.randomUUID();
        String discordToken = "dIsCoRdToKeN_" + UUID.randomUUID().toString().replace("-", "");
        String webhookId = Long.toString(100000000000L + Math.abs(user.hashCode()));
        bench.stubs.stubFor(post(urlPathEqualTo("/bot" + NotificationBench.BOT_TOKEN + "/sendMessage"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":{\"message_id\":77,\"chat\":{\"id\":-1001234567890}}}")));
        bench.stubs.stubFor(post(urlPathEqualTo("/discord/api/webhooks/" + webhookId + "/" + discordToken))
                .willReturn(aResponse().withStatus(204)));
        ok(bench.setUp(user, "telegram", "{\"chatId\":\"-1001234567890\"}"));
        ok(bench.setUp(user, "discord", "{\"webhookUrl\":\"https://discord.com/api/webhooks/" + webhookId + "/"
                + discordToken + "\"}"));
        ok(bench.choose(user, "{\"events\":{\"auto-pause\":[\"telegram\",\"discord\"]}}"));
        String summary = "Your bot was paused after repeated broker errors " + UUID.randomUUID();

        SQSBatchResponse done = bench.work(event(user, NotificationEventType.AUTO_PAUSE, summary), 1);

        assertThat(done.getBatchItemFailures()).isEmpty();
        LoggedRequest telegram = bench.stubs.findAll(postRequestedFor(urlPathEqualTo("/bot" + NotificationBench.BOT_TOKEN
                + "/sendMessage"))).stream().filter(r -> r.getBodyAsString().contains(summary)).findFirst().orElseThrow();
        JsonNode sent = Json.readTree(telegram.getBodyAsString()).orElseThrow();
        assertThat(sent.path("chat_id").isIntegralNumber()).isTrue();
        assertThat(sent.path("chat_id").asLong()).isEqualTo(-1001234567890L);
        assertThat(sent.path("text").asText()).startsWith(summary);
        assertThat(sent.path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
        assertThat(telegram.getHeader("Content-Type")).startsWith("application/json");
        LoggedRequest discord = bench.stubs.findAll(postRequestedFor(urlPathEqualTo("/discord/api/webhooks/" + webhookId
                + "/" + discordToken))).get(0);
        JsonNode executed = Json.readTree(discord.getBodyAsString()).orElseThrow();
        assertThat(executed.path("content").asText()).startsWith(summary);
        assertThat(executed.path("allowed_mentions").path("parse").isArray()).isTrue();
        assertThat(executed.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(log(user)).allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("delivered"));
        for (String message : List.of(telegram.getBodyAsString(), discord.getBodyAsString(), log(user).toString())) {
            assertThat(message).doesNotContain(NotificationBench.BOT_TOKEN).doesNotContain(discordToken);
        }
    }

    @Test
    @DisplayName("Discord's 429 is retried no sooner than it asks; Telegram's refusal is shown in words")
    void chatRefusals() {
        String user = "notify-refused-" + UUID.randomUUID();
        String token = "tok_" + UUID.randomUUID().toString().replace("-", "");
        bench.stubs.stubFor(post(urlPathEqualTo("/discord/api/webhooks/55/" + token)).willReturn(aResponse()
                .withStatus(429).withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":64.5,\"global\":false}")));
        ok(bench.setUp(user, "discord", "{\"webhookUrl\":\"https://discord.com/api/webhooks/55/" + token + "\"}"));
        ok(bench.choose(user, "{\"events\":{\"trial-ending\":[\"discord\"]}}"));

        SQSBatchResponse response = bench.work(event(user, NotificationEventType.TRIAL_ENDING, "Your trial ends soon"), 1);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        JsonNode entry = entry(log(user), "discord");
        assertThat(entry.path("status").asText()).isEqualTo("retrying");
        assertThat(entry.path("lastError").asText()).contains("HTTP 429").doesNotContain(token);
    }

    @Test
    @DisplayName("no secret is ever in a message: a secret quoted in an event is redacted in the email and the webhook")
    void noSecretInMessages() {
        String user = "notify-secret-" + UUID.randomUUID();
        String address = withEmail(user);
        String secret = withWebhook(user, 200);
        ok(bench.choose(user, "{\"events\":{\"refusal\":[\"email\",\"webhook\"]}}"));
        NotificationMessage leaky = new NotificationMessage(user, new NotificationEvent("refusal:" + UUID.randomUUID(),
                NotificationEventType.REFUSAL, PlatformClock.system().instant(), "refused: venue said " + secret,
                NotificationEvent.facts("reason", "key " + secret + " and bot " + NotificationBench.BOT_TOKEN)));

        bench.work(leaky, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
        String email = text(mailTo(address).get(0));
        String webhook = webhookCalls(user).get(0).getBodyAsString();
        for (String message : List.of(email, webhook, log(user).toString(), bench.preferences(user).getBody())) {
            assertThat(message).doesNotContain(secret).doesNotContain(NotificationBench.BOT_TOKEN);
        }
        assertThat(email).contains("[redacted]");
    }
}
