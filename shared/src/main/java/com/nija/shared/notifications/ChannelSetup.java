package com.nija.shared.notifications;

import java.util.Map;

/**
 * A channel as the trader set it up: what may be shown ({@code target}) and what is sealed ({@code secrets}: the
 * webhook's URL and signing secret, the Discord webhook's id and token). {@link #toString()} never shows a secret.
 */
public record ChannelSetup(ChannelKind kind, String target, Map<String, String> secrets) {
    public static final String URL = "url";
    public static final String SIGNING_SECRET = "signingSecret";
    public static final String WEBHOOK_ID = "webhookId";
    public static final String TOKEN = "token";

    public ChannelSetup {
        secrets = Map.copyOf(secrets);
    }

    public String secret(String name) {
        return secrets.get(name);
    }

    @Override
    public String toString() {
        return "ChannelSetup[" + kind.wire() + ", " + target + ", secrets=" + secrets.keySet() + "]";
    }
}
