package com.nija.functions.notifications;

import static com.nija.functions.support.ApiResponses.ok;
import static com.nija.functions.support.ApiResponses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.notifications.ChannelKind;
import com.nija.shared.notifications.NotificationChannelItem;
import com.nija.shared.notifications.NotificationRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The notification routes as a trader uses them: choose events per channel, set channels up and remove them — and what
 * they must never see again: a webhook's signing secret after the answer that created it, or a Discord token ever.
 */
class NotificationRoutesTest {
    private final NotificationBench bench = NotificationBench.get();
    private final NotificationRepository repository = bench.context.getBean(NotificationRepository.class);

    private static String trader() {
        return "notify-routes-" + UUID.randomUUID();
    }

    @Test
    @DisplayName("a new trader hears about nothing: every event (eight, protections among them) is listed with no channel, and no channel is set up")
    void freshTrader() {
        JsonNode body = ok(bench.preferences(trader()));

        assertThat(body.path("events").size()).isEqualTo(8);
        body.path("events").forEach(channels -> assertThat(channels).isEmpty());
        assertThat(body.path("channels")).isEmpty();
    }

    @Test
    @DisplayName("a webhook's signing secret is shown once; afterwards neither it nor the URL's path is shown or stored in plain")
    void webhookSecretShownOnce() {
        String user = trader();

        JsonNode created = ok(bench.setUp(user, "webhook", "{\"url\":\"https://hooks.example.com/nija/private-token-42\"}"));

        String secret = created.path("signingSecret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(created.path("target").asText()).isEqualTo("https://hooks.example.com/…");
        String listed = bench.preferences(user).getBody();
        assertThat(listed).contains("\"webhook\"").doesNotContain(secret).doesNotContain("private-token-42");
        NotificationChannelItem stored = repository.channel(user, ChannelKind.WEBHOOK).orElseThrow();
        assertThat(stored.sealed()).startsWith("v1:").doesNotContain(secret).doesNotContain("private-token-42");
        assertThat(stored.toString()).doesNotContain(secret);
    }

    @Test
    @DisplayName("a Discord webhook's token is never shown, not even in the answer that sets it up")
    void discordTokenNeverShown() {
        String user = trader();
        String url = "https://discord.com/api/webhooks/112233445566/Tok3n-never_shown";

        String answer = ok(bench.setUp(user, "discord", "{\"webhookUrl\":\"" + url + "\"}")).toString();

        assertThat(answer).contains("discord webhook 112233445566").doesNotContain("Tok3n-never_shown");
        assertThat(bench.preferences(user).getBody()).doesNotContain("Tok3n-never_shown");
        assertThat(repository.channel(user, ChannelKind.DISCORD).orElseThrow().sealed()).doesNotContain("Tok3n");
    }

    @Test
    @DisplayName("routing an event to a channel not set up is 422 naming events.<event>[i]; once set up it is saved")
    void routesNeedChannels() {
        String user = trader();

        JsonNode refused = problem(bench.choose(user, "{\"events\":{\"fill\":[\"email\",\"webhook\"]}}"), 422,
                "rule-violation");

        assertThat(refused.toString()).contains("events.fill[0]").contains("events.fill[1]");
        assertThat(ok(bench.preferences(user)).path("events").path("fill")).isEmpty();
        ok(bench.setUp(user, "email", "{\"address\":\"t@example.com\"}"));
        ok(bench.setUp(user, "webhook", "{\"url\":\"http://127.0.0.1:9/hook\"}"));
        JsonNode saved = ok(bench.choose(user, "{\"events\":{\"fill\":[\"email\",\"webhook\"],\"refusal\":[\"email\"]}}"));
        assertThat(saved.path("events").path("fill").toString()).isEqualTo("[\"email\",\"webhook\"]");
        assertThat(ok(bench.preferences(user)).path("events").path("refusal").toString()).isEqualTo("[\"email\"]");
        assertThat(ok(bench.preferences(user)).path("events").path("trial-ending")).isEmpty();
    }

    @Test
    @DisplayName("an unknown event or channel is 422 naming it; an unknown channel path is 404; nothing is saved")
    void strictPreferences() {
        String user = trader();
        ok(bench.setUp(user, "email", "{\"address\":\"t@example.com\"}"));

        problem(bench.choose(user, "{\"events\":{\"fills\":[\"email\"]}}"), 422, "rule-violation");
        JsonNode twice = problem(bench.choose(user, "{\"events\":{\"fill\":[\"email\",\"email\"]}}"), 422,
                "rule-violation");
        problem(bench.choose(user, "[\"fill\"]"), 400, "invalid-input");
        problem(bench.setUp(user, "sms", "{\"number\":\"+15550100\"}"), 404, "not-found");

        assertThat(twice.toString()).contains("events.fill[1]");
        assertThat(ok(bench.preferences(user)).path("events").path("fill")).isEmpty();
    }

    @Test
    @DisplayName("removing a channel is 204 and it is gone; removing it again is 404")
    void removeChannel() {
        String user = trader();
        ok(bench.setUp(user, "telegram", "{\"chatId\":\"123456789\"}"));

        assertThat(bench.remove(user, "telegram").getStatusCode()).isEqualTo(204);

        assertThat(ok(bench.preferences(user)).path("channels")).isEmpty();
        problem(bench.remove(user, "telegram"), 404, "not-found");
    }

    @Test
    @DisplayName("setting up a channel with a broken value is 422 naming the field, never quoting the value")
    void brokenChannel() {
        String user = trader();

        JsonNode refused = problem(bench.setUp(user, "discord",
                "{\"webhookUrl\":\"https://evil.example.com/steal/secret-looking-value\"}"), 422, "rule-violation");

        assertThat(refused.toString()).contains("webhookUrl").doesNotContain("secret-looking-value");
        assertThat(repository.channels(user)).isEmpty();
        assertThat(List.of(refused.path("errors").get(0).path("field").asText())).containsExactly("webhookUrl");
    }
}
