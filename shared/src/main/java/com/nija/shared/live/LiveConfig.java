package com.nija.shared.live;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Live updates over the WebSocket API. In AWS the CDK app sets {@code NIJA_LIVE_CALLBACK_URL} to the WebSocket
 * stage's management endpoint ({@code https://<api-id>.execute-api.<region>.amazonaws.com/<stage>}); locally the
 * platform points it at its gateway. Without a callback URL nothing is pushed (functions that never push, tests).
 */
@ConfigurationProperties("nija.live")
public class LiveConfig {
    /** API Gateway's WebSocket frame limit: a pushed message never exceeds it. */
    public static final int API_GATEWAY_FRAME_BYTES = 32 * 1024;

    /** Base URL of the {@code @connections} management API; null disables pushes. */
    @Nullable private String callbackUrl;
    /** Updates per pushed message: a burst for one connection goes as one message of at most this many. */
    private int maxUpdatesPerMessage = 10;
    /** Largest pushed message in bytes, encoded. */
    private int maxMessageBytes = API_GATEWAY_FRAME_BYTES;
    /** API Gateway closes a WebSocket connection after 2 hours; connection items expire with it. */
    private long connectionTtlSeconds = 2 * 60 * 60;
    /** Channels one connection may hold at once. */
    private int maxChannels = 50;
    /** Attempts per message for failures other than Gone (throttling, 5xx, I/O). */
    private int pushAttempts = 3;
    /** First retry delay; doubled per retry, with jitter. */
    private long retryBackoffMillis = 20;
    /** Connections pushed to in parallel when one event reaches many (prices, the kill switch). */
    private int pushThreads = 8;

    @Nullable public String getCallbackUrl() { return callbackUrl; }
    public void setCallbackUrl(@Nullable String v) { callbackUrl = v == null || v.isBlank() ? null : v.strip(); }
    public int getMaxUpdatesPerMessage() { return maxUpdatesPerMessage; }
    public void setMaxUpdatesPerMessage(int v) { maxUpdatesPerMessage = v; }
    public int getMaxMessageBytes() { return maxMessageBytes; }
    public void setMaxMessageBytes(int v) { maxMessageBytes = v; }
    public long getConnectionTtlSeconds() { return connectionTtlSeconds; }
    public void setConnectionTtlSeconds(long v) { connectionTtlSeconds = v; }
    public int getMaxChannels() { return maxChannels; }
    public void setMaxChannels(int v) { maxChannels = v; }
    public int getPushAttempts() { return pushAttempts; }
    public void setPushAttempts(int v) { pushAttempts = v; }
    public long getRetryBackoffMillis() { return retryBackoffMillis; }
    public void setRetryBackoffMillis(long v) { retryBackoffMillis = v; }
    public int getPushThreads() { return pushThreads; }
    public void setPushThreads(int v) { pushThreads = v; }
}
