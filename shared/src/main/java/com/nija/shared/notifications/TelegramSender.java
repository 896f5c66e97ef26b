package com.nija.shared.notifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.config.Secret;
import com.nija.shared.config.SecretResolver;
import com.nija.shared.json.Json;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Posts the text to the trader's chat through the platform's bot: Telegram Bot API {@code sendMessage}
 * ({@code POST <base>/bot<token>/sendMessage}, JSON {@code chat_id}, {@code text} of at most 4096 characters, link
 * previews off). The bot's token is a platform secret; it is in the URL, so no failure ever quotes the URL.
 */
@Singleton
public class TelegramSender implements ChannelSender {
    static final int MAX_TEXT = 4096;

    private final NotificationHttp http;
    private final NotificationsConfig config;
    private final Secret token;

    public TelegramSender(NotificationHttp http, NotificationsConfig config, SecretResolver secrets) {
        this.http = http;
        this.config = config;
        this.token = secrets.secret(config.getTelegramBotToken(), "NIJA_TELEGRAM_BOT_TOKEN_SECRET_ARN");
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TELEGRAM;
    }

    @Override
    public List<String> platformSecrets() {
        return token.isSet() ? List.of(token.value()) : List.of();
    }

    @Override
    public void send(NotificationEvent event, Destination destination, RenderedMessage message) {
        if (!token.isSet()) throw new DeliveryFailedException("Telegram is not configured on this platform");
        ObjectNode body = Json.MAPPER.createObjectNode();
        String chat = destination.target();
        if (chat.startsWith("@")) body.put("chat_id", chat);
        else body.put("chat_id", Long.parseLong(chat));
        body.put("text", MessageRenderer.truncate(message.text(), MAX_TEXT));
        body.putObject("link_preview_options").put("is_disabled", true);
        URI url = URI.create(config.getTelegramApiBase() + "/bot" + token.value() + "/sendMessage");
        NotificationHttp.Answer answer = http.postJson(url, body.toString(), Map.of(), "Telegram");
        ChatReplies.telegram(answer.status(), answer.body()).ifPresent(failure -> {
            throw failure;
        });
    }
}
