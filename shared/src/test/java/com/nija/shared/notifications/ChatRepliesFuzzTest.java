package com.nija.shared.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * Fuzzes Telegram's and Discord's answers (outside input): each is a delivery or a failure whose message is short
 * and whose wait is at most an hour, never another exception.
 */
class ChatRepliesFuzzTest {

    @FuzzTest
    void replies(FuzzedDataProvider data) {
        int status = data.consumeInt(100, 599);
        String body = data.consumeRemainingAsString();

        for (var reply : java.util.List.of(ChatReplies.telegram(status, body), ChatReplies.discord(status, body))) {
            reply.ifPresent(failure -> {
                assertThat(failure.getMessage()).hasSizeLessThan(400);
                failure.retryAfter().ifPresent(w -> assertThat(w).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
            });
        }
    }
}
