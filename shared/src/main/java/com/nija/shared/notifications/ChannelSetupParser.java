package com.nija.shared.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code PUT /api/v1/notifications/channels/{channel}}: exactly the channel's one field —
 * email {@code {"address"}}, webhook {@code {"url"}} (HTTPS), telegram {@code {"chatId"}} (the chat the platform's bot
 * posts to), discord {@code {"webhookUrl"}} (a Discord channel webhook). Refusals name the field and the rule, never
 * the value: a webhook URL can carry a token.
 */
public final class ChannelSetupParser {
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern TELEGRAM_CHAT = Pattern.compile("-?[0-9]{1,16}|@[A-Za-z][A-Za-z0-9_]{4,31}");
    /** Discord's "Copy Webhook URL": https://discord.com/api/webhooks/{webhook.id}/{webhook.token}. */
    private static final Pattern DISCORD_WEBHOOK = Pattern.compile(
            "https://(?:discord\\.com|discordapp\\.com|ptb\\.discord\\.com|canary\\.discord\\.com)"
                    + "/api(?:/v[0-9]{1,2})?/webhooks/([0-9]{1,25})/([A-Za-z0-9_-]{1,200})");
    private static final int MAX_URL = 2048;

    private static final Map<ChannelKind, String> FIELD = Map.of(ChannelKind.EMAIL, "address",
            ChannelKind.WEBHOOK, "url", ChannelKind.TELEGRAM, "chatId", ChannelKind.DISCORD, "webhookUrl");

    private ChannelSetupParser() {}

    public static String field(ChannelKind kind) {
        return FIELD.get(kind);
    }

    /**
     * @param allowLocal plain-http and private-network webhook URLs (local platform, tests)
     * @throws InvalidInputException 400 when the body is not a JSON object; 422 naming each broken field otherwise
     */
    public static ChannelSetup parse(ChannelKind kind, JsonNode body, boolean allowLocal) {
        String field = field(kind);
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object {\"" + field + "\": …}");
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(field)) {
                violations.add(new Violation(InputNames.safe(name), "is not a field of a " + kind.wire()
                        + " channel: send " + field));
            }
        }
        JsonNode node = body.get(field);
        String value = node != null && node.isTextual() ? node.textValue().strip()
                : node != null && kind == ChannelKind.TELEGRAM && node.isIntegralNumber() ? node.asText() : null;
        ChannelSetup setup = null;
        if (value == null || value.isEmpty()) {
            violations.add(new Violation(field, "is required: " + rule(kind)));
        } else {
            Optional<String> refused = kind == ChannelKind.WEBHOOK ? webhookRefusal(value, allowLocal) : Optional.empty();
            Optional<ChannelSetup> read = refused.isPresent() ? Optional.empty() : read(kind, value);
            if (read.isEmpty()) violations.add(new Violation(field, refused.orElse(rule(kind))));
            else setup = read.get();
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations, true);
        return setup;
    }

    private static Optional<ChannelSetup> read(ChannelKind kind, String value) {
        return switch (kind) {
            case EMAIL -> value.length() <= 254 && EMAIL.matcher(value).matches()
                    ? Optional.of(new ChannelSetup(kind, value, Map.of())) : Optional.empty();
            case TELEGRAM -> TELEGRAM_CHAT.matcher(value).matches()
                    ? Optional.of(new ChannelSetup(kind, value, Map.of())) : Optional.empty();
            case DISCORD -> {
                Matcher m = DISCORD_WEBHOOK.matcher(value);
                yield m.matches() ? Optional.of(new ChannelSetup(kind, "discord webhook " + m.group(1),
                        Map.of(ChannelSetup.WEBHOOK_ID, m.group(1), ChannelSetup.TOKEN, m.group(2))))
                        : Optional.empty();
            }
            case WEBHOOK -> Optional.of(new ChannelSetup(kind, webhookTarget(URI.create(value)),
                    Map.of(ChannelSetup.URL, value, ChannelSetup.SIGNING_SECRET, newSigningSecret())));
        };
    }

    private static Optional<String> webhookRefusal(String value, boolean allowLocal) {
        if (value.length() > MAX_URL) return Optional.of("must be at most " + MAX_URL + " characters");
        try {
            URI url = new URI(value);
            if (!url.isAbsolute()) return Optional.of(rule(ChannelKind.WEBHOOK));
            return WebhookAddresses.refusal(url, allowLocal).map(why -> "is not a URL NIJA sends to: it " + why);
        } catch (URISyntaxException e) {
            return Optional.of(rule(ChannelKind.WEBHOOK));
        }
    }

    /** What the trader sees of their webhook: its scheme, host and port, never its path or query (tokens live there). */
    private static String webhookTarget(URI url) {
        return url.getScheme().toLowerCase() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + "/…";
    }

    /** A fresh signing secret ({@code whsec_} + 32 random bytes): shown once, then kept sealed. */
    static String newSigningSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes); // per call, never at init: a SnapStart snapshot would share its state
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String rule(ChannelKind kind) {
        return switch (kind) {
            case EMAIL -> "must be an email address (name@example.com, at most 254 characters)";
            case WEBHOOK -> "must be an absolute https:// URL of at most " + MAX_URL + " characters";
            case TELEGRAM -> "must be a Telegram chat id (digits, negative for groups) or a channel's @username";
            case DISCORD -> "must be a Discord webhook URL, https://discord.com/api/webhooks/{id}/{token}";
        };
    }
}
