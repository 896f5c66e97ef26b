package com.nija.shared.notifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.json.Json;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;

/**
 * Posts the text to the trader's Discord channel webhook: "Execute Webhook", {@code POST <base>/webhooks/<id>/<token>}
 * with JSON {@code content} (at most 2000 characters) and {@code allowed_mentions: {parse: []}} so no text of ours can
 * ping anyone; Discord answers 204. The token is sealed with the channel and never quoted.
 */
@Singleton
public class DiscordSender implements ChannelSender {
    static final int MAX_CONTENT = 2000;

    private final NotificationHttp http;
    private final NotificationsConfig config;

    public DiscordSender(NotificationHttp http, NotificationsConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.DISCORD;
    }

    @Override
    public void send(NotificationEvent event, Destination destination, RenderedMessage message) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("content", MessageRenderer.truncate(message.text(), MAX_CONTENT));
        body.putObject("allowed_mentions").putArray("parse");
        URI url = URI.create(config.getDiscordApiBase() + "/webhooks/" + destination.secret(ChannelSetup.WEBHOOK_ID)
                + "/" + destination.secret(ChannelSetup.TOKEN));
        NotificationHttp.Answer answer = http.postJson(url, body.toString(), Map.of(), "Discord");
        ChatReplies.discord(answer.status(), answer.body()).ifPresent(failure -> {
            throw failure;
        });
    }
}
