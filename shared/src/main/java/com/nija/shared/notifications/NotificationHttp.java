package com.nija.shared.notifications;

import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP calls of the webhook, Telegram and Discord senders: a JSON POST with the configured timeout, redirects never
 * followed (a redirect could lead a signed webhook elsewhere). The client is built on first use, never during init,
 * so a SnapStart snapshot holds no connection. Failures become {@link DeliveryFailedException}s that name the receiver,
 * never the URL (Telegram's carries the bot token, Discord's the webhook token).
 */
@Singleton
public class NotificationHttp {
    /** A receiver's answer, read up to this many characters: enough for an error, never a flood. */
    static final int MAX_BODY = 4096;

    private final NotificationsConfig config;
    private final Supplier<HttpClient> client;

    public NotificationHttp(NotificationsConfig config) {
        this.config = config;
        this.client = SupplierUtil.memoized(() -> HttpClient.newBuilder()
                .connectTimeout(config.getHttpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** POSTs {@code json} to {@code url}; {@code receiver} names it in a failure ("the webhook endpoint", "Telegram"). */
    public Answer postJson(URI url, String json, Map<String, String> headers, String receiver) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.getHttpTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "NIJA-Notifications/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.get().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body() == null ? "" : response.body();
            return new Answer(response.statusCode(), body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body);
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailedException(receiver + " did not answer within "
                    + config.getHttpTimeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new DeliveryFailedException("could not reach " + receiver + " (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while sending to " + receiver);
        }
    }
}
