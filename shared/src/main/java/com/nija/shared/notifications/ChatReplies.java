package com.nija.shared.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import java.time.Duration;
import java.util.Optional;

/**
 * What Telegram and Discord answered, read defensively (their bodies are outside input): success, or a failure in
 * words with the wait they ask for on HTTP 429.
 *
 * <p>Telegram Bot API ("Making requests"): every answer is {@code {"ok": true, "result": …}} or {@code {"ok": false,
 * "error_code": 429, "description": "…", "parameters": {"retry_after": 30}}}. Discord ("Execute Webhook", "Rate
 * Limits"): 204 No Content (200 with {@code ?wait=true}) on success; a 429 carries {@code {"message", "retry_after"
 * (seconds, may be fractional), "global"}}.
 */
public final class ChatReplies {
    private static final int MAX_DESCRIPTION = 200;
    private static final Duration MAX_WAIT = Duration.ofHours(1);

    private ChatReplies() {}

    /** Empty when Telegram accepted the message, else why not. */
    public static Optional<DeliveryFailedException> telegram(int status, String body) {
        JsonNode root = Json.readTree(body).orElse(null);
        if (status >= 200 && status < 300 && root != null && root.path("ok").asBoolean(false)) return Optional.empty();
        String description = root == null ? "" : text(root.path("description"));
        Duration wait = root == null ? null : seconds(root.path("parameters").path("retry_after"));
        int code = root != null && root.path("error_code").canConvertToInt() ? root.path("error_code").intValue() : status;
        return Optional.of(new DeliveryFailedException("Telegram refused the message (" + code
                + (description.isEmpty() ? "" : ": " + description) + ")", wait));
    }

    /** Empty when Discord accepted the message, else why not. */
    public static Optional<DeliveryFailedException> discord(int status, String body) {
        if (status >= 200 && status < 300) return Optional.empty();
        JsonNode root = Json.readTree(body).orElse(null);
        String message = root == null ? "" : text(root.path("message"));
        Duration wait = status == 429 && root != null ? seconds(root.path("retry_after")) : null;
        return Optional.of(new DeliveryFailedException("Discord refused the message (HTTP " + status
                + (message.isEmpty() ? "" : ": " + message) + ")", wait));
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) return "";
        String t = node.textValue().replaceAll("[\\p{Cntrl}]", " ").strip();
        return t.length() <= MAX_DESCRIPTION ? t : t.substring(0, MAX_DESCRIPTION) + "…";
    }

    /** A positive wait in (possibly fractional) seconds, at most an hour; null when there is none. */
    private static Duration seconds(JsonNode node) {
        if (!node.isNumber()) return null;
        double s = node.doubleValue();
        if (!(s > 0) || Double.isInfinite(s)) return null;
        Duration wait = Duration.ofMillis((long) Math.ceil(Math.min(s, MAX_WAIT.toSeconds()) * 1000));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
