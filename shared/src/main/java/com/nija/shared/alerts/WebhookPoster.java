package com.nija.shared.alerts;

import com.nija.shared.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a message to a chat webhook in Slack's incoming-webhook shape, {@code {"text": "..."}} (Slack API docs,
 * "Sending messages using incoming webhooks"; Mattermost and most chat tools accept the same). The URL is the secret:
 * it never appears in an exception, a log line or {@link #toString()}.
 */
public final class WebhookPoster {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final HttpClient http;

    /** @throws IllegalArgumentException the URL is not an absolute http(s) URL (its text is not repeated) */
    public WebhookPoster(String url) {
        this.url = parse(url);
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** @throws WebhookFailedException the hook answered other than 2xx, or could not be reached in time */
    public void post(String text) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(text)))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            // The exception's message may name the host or the URL: only its type is kept.
            throw new WebhookFailedException("webhook unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookFailedException("interrupted while posting to the webhook");
        }
        if (status < 200 || status > 299) throw new WebhookFailedException("webhook answered HTTP " + status);
    }

    private static String json(String text) {
        try {
            return Json.MAPPER.writeValueAsString(Map.of("text", text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a string map always serializes", e);
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = URI.create(url == null ? "" : url.trim());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                throw new IllegalArgumentException("the alert webhook URL must be an absolute https URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the alert webhook URL must be an absolute https URL");
        }
    }

    @Override
    public String toString() {
        return "WebhookPoster[url hidden]";
    }

    /** A post that did not land; its message names the status or the failure's type, never the URL. */
    public static final class WebhookFailedException extends RuntimeException {
        public WebhookFailedException(String message) {
            super(message);
        }
    }
}
