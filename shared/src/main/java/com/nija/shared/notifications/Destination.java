package com.nija.shared.notifications;

import java.util.Map;

/** Where one delivery goes: the trader's channel, its target and its opened secrets. Never printed whole. */
public record Destination(String userId, ChannelKind kind, String target, Map<String, String> secrets) {
    public String secret(String name) {
        return secrets.get(name);
    }

    @Override
    public String toString() {
        return "Destination[" + userId + ", " + kind.wire() + ", " + target + "]";
    }
}
