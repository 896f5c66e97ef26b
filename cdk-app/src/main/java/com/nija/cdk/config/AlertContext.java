package com.nija.cdk.config;

import com.nija.shared.signals.QuietSourceRules;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator-alert choices read from CDK context (docs/ALERTS.md):
 * <ul>
 *   <li>{@code alertWebhookUrl}: an HTTPS webhook (Slack incoming webhook or any endpoint taking {@code {"text"}})
 *       that a small forwarder function posts every alert to; absent, alerts reach only the topics' subscribers;</li>
 *   <li>{@code quietSources}: {@code <source id>=<interval>,…}, the sources watched for quiet spells (checked at
 *       synth with the function's own parser, so a typo fails here, not at the first run).</li>
 * </ul>
 */
public record AlertContext(Optional<String> webhookUrl, Optional<String> quietSources) {
    public static final String WEBHOOK_KEY = "alertWebhookUrl";
    public static final String QUIET_SOURCES_KEY = "quietSources";

    public static AlertContext from(Function<String, Object> context) {
        Optional<String> url = text(context, WEBHOOK_KEY);
        url.ifPresent(AlertContext::requireHttps);
        Optional<String> quiet = text(context, QUIET_SOURCES_KEY);
        quiet.ifPresent(QuietSourceRules::new);
        return new AlertContext(url, quiet);
    }

    /** The webhook URL is a secret: the refusal never repeats it. */
    private static void requireHttps(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(WEBHOOK_KEY + " is not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(WEBHOOK_KEY + " must be an https:// URL");
        }
    }

    private static Optional<String> text(Function<String, Object> context, String key) {
        Object raw = context.apply(key);
        return raw == null || String.valueOf(raw).isBlank() ? Optional.empty() : Optional.of(String.valueOf(raw).trim());
    }
}
