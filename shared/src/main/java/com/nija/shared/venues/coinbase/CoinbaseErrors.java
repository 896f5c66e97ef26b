package com.nija.shared.venues.coinbase;

import static com.nija.shared.venues.coinbase.CoinbaseFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Coinbase's refusals as the engine's outcomes, with the reason in words. Coinbase answers an order it refuses with
 * {@code 200 {"success": false, "error_response": {"error", "message", "error_details", "preview_failure_reason",
 * "new_order_failure_reason"}}} and other failures with an HTTP status and {@code {"error", "message",
 * "error_details"}}; a bad JWT gets {@code 401 Unauthorized}.
 */
final class CoinbaseErrors {
    /**
     * Coinbase's REST limits are per second (private endpoints 30 requests/s per key, public 10/s per IP) and it
     * documents no {@code Retry-After}: a second is the wait when none is sent.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** Reason codes (or a part of them) → words, first match wins; the code itself follows the words. */
    private static final List<Map.Entry<String, String>> WORDS = List.of(
            Map.entry("INSUFFICIENT_FUND", "insufficient funds"),
            Map.entry("SIZE_TOO_SMALL", "invalid size: below the market's minimum"),
            Map.entry("SIZE_TOO_LARGE", "invalid size: above the market's maximum"),
            Map.entry("SIZE_PRECISION", "invalid size: more decimals than the market's size step"),
            Map.entry("SIZE", "invalid size"),
            Map.entry("PRICE_PRECISION", "invalid price: not a multiple of the market's price increment"),
            Map.entry("PRICE", "invalid limit price"),
            Map.entry("PRODUCT", "invalid symbol"),
            Map.entry("NOT_FOUND", "not found"),
            Map.entry("INELIGIBLE_PAIR", "this market cannot be traded with this account"),
            Map.entry("ORDER_ENTRY_DISABLED", "trading in this market is disabled"),
            Map.entry("NO_LIQUIDITY", "no liquidity in this market"),
            Map.entry("UNSUPPORTED_ORDER_CONFIGURATION", "this order type is not supported"),
            Map.entry("PERMISSION_DENIED", "the key lacks a permission this call needs"),
            Map.entry("INVALID_ARGUMENT", "invalid request"));
    private static final String NO_REASON = "UNKNOWN_FAILURE_REASON";

    private CoinbaseErrors() {}

    /**
     * A non-2xx answer to {@code call}. A 5xx says nothing about whether a write happened, so it is {@code UNKNOWN};
     * 429 is {@link VenueRateLimitedException}; 401 and other 4xx are {@code REJECTED} (retrying gets the same answer).
     */
    static BrokerException of(VenueResponse r, String call) {
        if (r.status() == 429) {
            return new VenueRateLimitedException("Coinbase rate limit reached on " + call,
                    VenueHttp.retryAfter(r, RETRY_AFTER));
        }
        if (r.status() >= 500) {
            return new BrokerException(BrokerException.Kind.UNKNOWN, "Coinbase answered HTTP " + r.status() + " to "
                    + call);
        }
        if (r.status() == 401) {
            return new BrokerException(BrokerException.Kind.REJECTED, "Coinbase refused the key (HTTP 401): the key "
                    + "name or the private key is wrong, or the key was deleted");
        }
        JsonNode body = r.json();
        return new BrokerException(BrokerException.Kind.REJECTED, "Coinbase refused " + call + " (HTTP " + r.status()
                + "): " + reason(code(body), message(body)));
    }

    /** The most telling reason code of a refusal: Coinbase often sets {@code error} to UNKNOWN_FAILURE_REASON and the real one elsewhere. */
    static String code(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            for (String field : List.of("error", "new_order_failure_reason", "preview_failure_reason", "failure_reason")) {
                String code = text(node, field).orElse("");
                if (!code.isEmpty() && !code.startsWith("UNKNOWN_")) return code;
            }
        }
        return NO_REASON;
    }

    /** Coinbase's own words for a refusal, when it gave any. */
    static String message(JsonNode node) {
        return text(node, "message").or(() -> text(node, "error_details")).orElse("");
    }

    /** {@code insufficient funds (INSUFFICIENT_FUND: Insufficient balance in source account)}. */
    static String reason(String code, String message) {
        String upper = code.toUpperCase(Locale.ROOT);
        String words = WORDS.stream().filter(w -> upper.contains(w.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("refused");
        return words + " (" + code + (message.isEmpty() ? "" : ": " + message) + ")";
    }

    /** Whether a refusal says the client order id is taken: then the order exists and is looked up, never placed again. */
    static boolean duplicate(String code, String message) {
        return (code + " " + message).toLowerCase(Locale.ROOT).contains("duplicate");
    }
}
