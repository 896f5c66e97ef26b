package com.nija.shared.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Telegram's and Discord's answers as their documentation shows them (Telegram Bot API, "Making requests":
 * {@code ok}/{@code error_code}/{@code description}/{@code parameters.retry_after}; Discord, "Execute Webhook" and
 * "Rate Limits": 204 on success, 429 with {@code retry_after} in seconds).
 */
class ChatRepliesTest {

    @Test
    @DisplayName("Telegram: ok true is a delivery; ok false names the code and description; 429 asks for its wait")
    void telegram() {
        assertThat(ChatReplies.telegram(200, "{\"ok\":true,\"result\":{\"message_id\":7}}")).isEmpty();
        assertThat(ChatReplies.telegram(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"))
                .hasValueSatisfying(f -> assertThat(f.getMessage()).contains("400").contains("chat not found"));
        assertThat(ChatReplies.telegram(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 30\",\"parameters\":{\"retry_after\":30}}"))
                .hasValueSatisfying(f -> assertThat(f.retryAfter()).contains(Duration.ofSeconds(30)));
        assertThat(ChatReplies.telegram(502, "<html>bad gateway</html>"))
                .hasValueSatisfying(f -> assertThat(f.getMessage()).contains("502"));
    }

    @Test
    @DisplayName("Discord: 204 is a delivery; 429 asks for its (fractional) wait; 404 says the webhook is unknown")
    void discord() {
        assertThat(ChatReplies.discord(204, "")).isEmpty();
        assertThat(ChatReplies.discord(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":1.5,\"global\":false}"))
                .hasValueSatisfying(f -> assertThat(f.retryAfter()).contains(Duration.ofMillis(1500)));
        assertThat(ChatReplies.discord(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}"))
                .hasValueSatisfying(f -> assertThat(f.getMessage()).contains("404").contains("Unknown Webhook"));
    }
}
