package com.nija.shared.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Channel setup: each channel's one field in its form; what is shown, what is sealed, and what is refused. */
class ChannelSetupParserTest {

    private static ObjectNode body(String field, String value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put(field, value);
        return node;
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(ChannelKind.EMAIL, "address", "trader@example.com", "trader@example.com"),
                Arguments.of(ChannelKind.EMAIL, "address", "  a.b+nija@mail.example.co.uk ", "a.b+nija@mail.example.co.uk"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "https://hooks.example.com/nija?token=abc",
                        "https://hooks.example.com/…"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "https://hooks.example.com:8443/a", "https://hooks.example.com:8443/…"),
                Arguments.of(ChannelKind.TELEGRAM, "chatId", "123456789", "123456789"),
                Arguments.of(ChannelKind.TELEGRAM, "chatId", "-1001234567890", "-1001234567890"),
                Arguments.of(ChannelKind.TELEGRAM, "chatId", "@nija_alerts", "@nija_alerts"),
                Arguments.of(ChannelKind.DISCORD, "webhookUrl",
                        "https://discord.com/api/webhooks/1234567890123/AbC-def_GHI", "discord webhook 1234567890123"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("accepted")
    @DisplayName("a channel in its form is accepted; the shown target never holds a path, query or token")
    void accepts(ChannelKind kind, String field, String value, String target) {
        ChannelSetup setup = ChannelSetupParser.parse(kind, body(field, value), false);

        assertThat(setup.target()).isEqualTo(target);
        assertThat(setup.toString()).doesNotContain("token=abc").doesNotContain("AbC-def_GHI");
    }

    @Test
    @DisplayName("a webhook gets a fresh signing secret each time; its URL and secret are the sealed part")
    void webhookSecrets() {
        ChannelSetup first = ChannelSetupParser.parse(ChannelKind.WEBHOOK, body("url", "https://h.example.com/x"), false);
        ChannelSetup second = ChannelSetupParser.parse(ChannelKind.WEBHOOK, body("url", "https://h.example.com/x"), false);

        assertThat(first.secret(ChannelSetup.SIGNING_SECRET)).startsWith("whsec_").hasSizeGreaterThan(40)
                .isNotEqualTo(second.secret(ChannelSetup.SIGNING_SECRET));
        assertThat(first.secret(ChannelSetup.URL)).isEqualTo("https://h.example.com/x");
    }

    @Test
    @DisplayName("a Discord webhook's id and token are kept apart, the token only in the sealed part")
    void discordToken() {
        ChannelSetup setup = ChannelSetupParser.parse(ChannelKind.DISCORD,
                body("webhookUrl", "https://discordapp.com/api/webhooks/42/tok_en-1"), false);

        assertThat(setup.secret(ChannelSetup.WEBHOOK_ID)).isEqualTo("42");
        assertThat(setup.secret(ChannelSetup.TOKEN)).isEqualTo("tok_en-1");
        assertThat(setup.target()).doesNotContain("tok_en-1");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(ChannelKind.EMAIL, "address", "not-an-address", "address", "must be an email address"),
                Arguments.of(ChannelKind.EMAIL, "address", "", "address", "is required"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "http://hooks.example.com/secret-path", "url", "https"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "https://127.0.0.1/secret-path", "url", "public host"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "https://10.0.3.7/secret-path", "url", "public host"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "https://169.254.169.254/secret-path", "url", "public host"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "https://[::1]/secret-path", "url", "public host"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "https://localhost/secret-path", "url", "public host"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "https://user:pw@h.example.com/secret-path", "url", "password"),
                Arguments.of(ChannelKind.WEBHOOK, "url", "not a url secret-path", "url", "absolute https://"),
                Arguments.of(ChannelKind.TELEGRAM, "chatId", "chat-secret-path", "chatId", "Telegram chat id"),
                Arguments.of(ChannelKind.DISCORD, "webhookUrl", "https://evil.example.com/api/webhooks/1/secret-path",
                        "webhookUrl", "Discord webhook URL"),
                Arguments.of(ChannelKind.EMAIL, "email", "a@b.example", "email", "is not a field"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("refused")
    @DisplayName("a broken setup is 422 naming the field and its rule, never quoting the value")
    void refuses(ChannelKind kind, String field, String value, String named, String rule) {
        assertThatThrownBy(() -> ChannelSetupParser.parse(kind, body(field, value), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.wellFormed()).isTrue();
                    assertThat(e.violations()).anySatisfy(v -> {
                        assertThat(v.field()).isEqualTo(named);
                        assertThat(v.message()).contains(rule);
                    });
                    e.violations().forEach(v -> assertThat(v.message()).doesNotContain("secret-path"));
                });
    }

    @Test
    @DisplayName("the local platform may send webhooks to a plain-http stub on this machine; a deployed stack never")
    void localWebhooks() {
        ChannelSetup local = ChannelSetupParser.parse(ChannelKind.WEBHOOK, body("url", "http://127.0.0.1:8089/hook"), true);

        assertThat(local.target()).isEqualTo("http://127.0.0.1:8089/…");
        assertThatThrownBy(() -> ChannelSetupParser.parse(ChannelKind.WEBHOOK, body("url", "http://127.0.0.1:8089/hook"),
                false)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("a Telegram chat id may be sent as a JSON number")
    void numericChat() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("chatId", -1001234567890L);

        assertThat(ChannelSetupParser.parse(ChannelKind.TELEGRAM, node, false).target()).isEqualTo("-1001234567890");
    }
}
