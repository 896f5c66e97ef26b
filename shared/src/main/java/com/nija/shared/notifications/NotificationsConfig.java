package com.nija.shared.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * How notifications are delivered. In AWS email goes through SES ({@code transport=ses}, the sender identity from
 * {@code NIJA_NOTIFICATIONS_EMAIL_FROM}); locally the platform points {@code smtp-host}/{@code smtp-port} at GreenMail.
 * The Telegram bot's token is a platform secret ({@code NIJA_NOTIFICATIONS_TELEGRAM_BOT_TOKEN} locally, the secret
 * named by {@code NIJA_TELEGRAM_BOT_TOKEN_SECRET_ARN} in AWS). API bases are configurable so tests talk to stubs.
 */
@ConfigurationProperties("nija.notifications")
public class NotificationsConfig {
    /** {@code ses} or {@code smtp}. */
    private String emailTransport = "ses";
    private String emailFrom = "notifications@nija.example";
    @Nullable private String smtpHost;
    private int smtpPort = 25;
    @Nullable private String telegramBotToken;
    private String telegramApiBase = "https://api.telegram.org";
    private String discordApiBase = "https://discord.com/api";
    /** Plain-http and private-network webhook URLs: only the local platform and tests, whose stubs listen on 127.0.0.1. */
    private boolean allowLocalWebhooks;
    private Duration httpTimeout = Duration.ofSeconds(5);
    /** Consecutive failed attempts after which a webhook, Telegram or Discord channel is disabled. */
    private int disableAfter = 10;
    /** First retry delay; each further attempt waits twice as long, up to {@link #retryMax}. */
    private Duration retryBase = Duration.ofSeconds(30);
    private Duration retryMax = Duration.ofMinutes(15);
    /** How long the delivery log keeps an entry (DynamoDB TTL). */
    private Duration logRetention = Duration.ofDays(90);

    public String getEmailTransport() { return emailTransport; }
    public void setEmailTransport(String v) { emailTransport = v; }
    public String getEmailFrom() { return emailFrom; }
    public void setEmailFrom(String v) { emailFrom = v; }
    @Nullable public String getSmtpHost() { return smtpHost; }
    public void setSmtpHost(@Nullable String v) { smtpHost = v == null || v.isBlank() ? null : v; }
    public int getSmtpPort() { return smtpPort; }
    public void setSmtpPort(int v) { smtpPort = v; }
    @Nullable public String getTelegramBotToken() { return telegramBotToken; }
    public void setTelegramBotToken(@Nullable String v) { telegramBotToken = v; }
    public String getTelegramApiBase() { return telegramApiBase; }
    public void setTelegramApiBase(String v) { telegramApiBase = trimSlash(v); }
    public String getDiscordApiBase() { return discordApiBase; }
    public void setDiscordApiBase(String v) { discordApiBase = trimSlash(v); }
    public boolean isAllowLocalWebhooks() { return allowLocalWebhooks; }
    public void setAllowLocalWebhooks(boolean v) { allowLocalWebhooks = v; }
    public Duration getHttpTimeout() { return httpTimeout; }
    public void setHttpTimeout(Duration v) { httpTimeout = v; }
    public int getDisableAfter() { return disableAfter; }
    public void setDisableAfter(int v) { disableAfter = v; }
    public Duration getRetryBase() { return retryBase; }
    public void setRetryBase(Duration v) { retryBase = v; }
    public Duration getRetryMax() { return retryMax; }
    public void setRetryMax(Duration v) { retryMax = v; }
    public Duration getLogRetention() { return logRetention; }
    public void setLogRetention(Duration v) { logRetention = v; }

    private static String trimSlash(String v) {
        return v != null && v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }
}
