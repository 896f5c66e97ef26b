package com.nija.shared.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How an event reads on every channel, and the guarantee that no known secret survives rendering. */
class MessageRendererTest {
    private static final Instant AT = Instant.parse("2031-06-16T12:00:00Z");

    @Test
    @DisplayName("the text carries the summary and the facts in order; the webhook JSON the same as data")
    void rendersFacts() {
        NotificationEvent event = new NotificationEvent("fill:o-1", NotificationEventType.FILL, AT,
                "BTC-USD buy filled: 0.5 at 61000",
                NotificationEvent.facts("symbol", "BTC-USD", "quantity", new BigDecimal("0.50000"), "fee", null));

        RenderedMessage m = MessageRenderer.render(event, List.of());

        assertThat(m.subject()).isEqualTo("NIJA: BTC-USD buy filled: 0.5 at 61000");
        assertThat(m.text()).contains("symbol: BTC-USD\nquantity: 0.5").doesNotContain("fee");
        JsonNode json = Json.readTree(m.json()).orElseThrow();
        assertThat(json.path("id").asText()).isEqualTo("fill:o-1");
        assertThat(json.path("type").asText()).isEqualTo("fill");
        assertThat(json.path("occurredAt").asText()).isEqualTo("2031-06-16T12:00:00Z");
        assertThat(json.path("data").path("quantity").asText()).isEqualTo("0.5");
    }

    @Test
    @DisplayName("a secret that found its way into an event (a quoted refusal) is redacted in subject, text and JSON")
    void redactsSecrets() {
        String secret = "whsec_AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        String token = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
        NotificationEvent event = new NotificationEvent("refusal:o-2", NotificationEventType.REFUSAL, AT,
                "refused: " + secret, NotificationEvent.facts("reason", "venue said " + token));

        RenderedMessage m = MessageRenderer.render(event, List.of(secret, token));

        for (String part : List.of(m.subject(), m.text(), m.json())) {
            assertThat(part).doesNotContain(secret).doesNotContain(token).contains(MessageRenderer.REDACTED);
        }
    }
}
