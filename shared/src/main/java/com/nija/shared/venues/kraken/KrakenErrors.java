package com.nija.shared.venues.kraken;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.venues.VenueRateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Kraken's error strings mean for an order. Kraken answers most failures with HTTP 200 and
 * {@code {"error":["EOrder:Insufficient funds"]}}; entries starting with {@code W} are warnings, not errors. Sources:
 * docs.kraken.com "Error messages" and "Spot REST Rate Limits"; Kraken support "API error messages".
 * <ul>
 *   <li>refusals ({@code EOrder}, {@code EQuery}, {@code EGeneral:Invalid arguments}, {@code EGeneral:Permission
 *       denied}, {@code EAPI:Invalid key|signature}, {@code EAuth}, {@code ETrade}, …) → {@code REJECTED} in words;</li>
 *   <li>{@code EAPI:Invalid nonce} and a market in {@code cancel_only}/{@code post_only}/{@code limit_only} mode →
 *       {@code NOT_PLACED}: the request was refused before any order existed, a new nonce may succeed;</li>
 *   <li>rate limits and lockouts → {@link VenueRateLimitedException};</li>
 *   <li>{@code EService:Unavailable|Busy|Deadline elapsed}, {@code EGeneral:Internal error} and anything unknown →
 *       {@code UNKNOWN}: Kraken does not say whether an order sent then was placed, so it is looked up.</li>
 * </ul>
 */
final class KrakenErrors {
    /** The Starter tier's call counter decays by 0.33 a second: room for one more call comes back in about 3 s. */
    static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(3);
    /** "Temporary lockouts typically last approximately 15 minutes" (Kraken support, API error messages). */
    static final Duration LOCKOUT_WAIT = Duration.ofMinutes(15);
    private static final int MAX_MESSAGE = 300;

    /** The refusals a trader can act on, in words; the others keep Kraken's own text. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("EOrder:Insufficient funds", "insufficient funds"),
            Map.entry("EGeneral:Invalid arguments:volume", "invalid size"),
            Map.entry("EOrder:Order minimum not met", "invalid size: below the pair's minimum order"),
            Map.entry("EOrder:Cost minimum not met", "invalid size: below the pair's minimum cost"),
            Map.entry("EOrder:Tick size check failed", "invalid price: not a multiple of the pair's tick"),
            Map.entry("EOrder:Invalid price", "invalid price"),
            Map.entry("EQuery:Unknown asset pair", "unknown pair"),
            Map.entry("EQuery:Invalid asset pair", "unknown pair"),
            Map.entry("EGeneral:Permission denied", "the API key lacks the permission this needs"),
            Map.entry("EAPI:Invalid key", "invalid API key"),
            Map.entry("EAPI:Invalid signature", "invalid signature: the API secret does not belong to this key"),
            Map.entry("EOrder:Orders limit exceeded", "too many open orders"));

    private KrakenErrors() {}

    /** The error entries among Kraken's {@code error} list (warnings dropped). */
    static List<String> errorsOnly(List<String> entries) {
        return entries.stream().filter(e -> e.startsWith("E")).toList();
    }

    static BrokerException toException(List<String> errors, Clock clock) {
        String first = errors.get(0);
        String codes = clip(String.join(", ", errors));
        if (first.equals("EAPI:Invalid nonce")) {
            return new BrokerException(Kind.NOT_PLACED, "Kraken refused the request's nonce, so nothing was placed ["
                    + codes + "]");
        }
        if (first.startsWith("EService:") && first.contains("Throttled")) {
            return new VenueRateLimitedException("Kraken: too many concurrent requests [" + codes + "]",
                    throttledFor(first, clock));
        }
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.contains("rate limit exceeded") || lower.endsWith(":too many requests")) {
            return new VenueRateLimitedException("Kraken: rate limit exceeded [" + codes + "]", RATE_LIMIT_WAIT);
        }
        if (first.equals("EGeneral:Temporary lockout")) {
            return new VenueRateLimitedException("Kraken locked the key out for a while [" + codes + "]", LOCKOUT_WAIT);
        }
        if (first.startsWith("EService:Market in")) {
            return new BrokerException(Kind.NOT_PLACED, "Kraken is not taking new orders on this market now ["
                    + codes + "]");
        }
        if (refusal(first)) {
            return new BrokerException(Kind.REJECTED, "Kraken refused: " + WORDS.getOrDefault(first, first) + " ["
                    + codes + "]");
        }
        return new BrokerException(Kind.UNKNOWN, "Kraken could not complete the request [" + codes + "]");
    }

    private static boolean refusal(String error) {
        if (error.equals("EGeneral:Internal error")) return false;
        return error.startsWith("EOrder:") || error.startsWith("EQuery:") || error.startsWith("EGeneral:")
                || error.startsWith("EAPI:") || error.startsWith("EAuth:") || error.startsWith("ETrade:")
                || error.startsWith("EAccount:") || error.startsWith("EFunding:") || error.startsWith("EBM:");
    }

    /** {@code EService:Throttled: <unix seconds>}: try again after that time (at least a second from now). */
    private static Duration throttledFor(String error, Clock clock) {
        String tail = error.substring(error.lastIndexOf(':') + 1).trim();
        try {
            long until = Long.parseLong(tail);
            long wait = until - clock.instant().getEpochSecond();
            return wait >= 1 && wait <= LOCKOUT_WAIT.toSeconds() ? Duration.ofSeconds(wait) : RATE_LIMIT_WAIT;
        } catch (NumberFormatException e) {
            return RATE_LIMIT_WAIT;
        }
    }

    /**
     * Kraken refuses a {@code cl_ord_id} already used by an open order; it documents that uniqueness, not the exact
     * error string, so any error naming a duplicate is taken as that answer.
     */
    static boolean duplicateOrder(String error) {
        return error.toLowerCase(Locale.ROOT).contains("duplicate");
    }

    static boolean unknownOrder(String error) {
        return error.equals("EOrder:Unknown order");
    }

    static boolean permissionDenied(String error) {
        return error.equals("EGeneral:Permission denied");
    }

    /** The key or its secret is wrong: asking again only counts towards a lockout. */
    static boolean badKey(String error) {
        return error.equals("EAPI:Invalid key") || error.equals("EAPI:Invalid signature");
    }

    private static String clip(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
