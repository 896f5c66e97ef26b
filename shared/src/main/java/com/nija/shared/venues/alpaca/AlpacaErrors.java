package com.nija.shared.venues.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What Alpaca's refusals mean for the engine. Its error body is {@code {"code": 8 digits, "message": "…"}}, the
 * code's first three digits repeating the HTTP status; {@code 40010001} covers every invalid request (422), so the
 * duplicate client order id is told apart by its message ({@code client_order_id must be unique}).
 * <ul>
 *   <li>401 (a key Alpaca does not know), 403 (insufficient balance, below the minimum order, not permitted) and 400,
 *       404, 422 (invalid order) on a place: {@code REJECTED}, with Alpaca's message;</li>
 *   <li>429: {@link VenueRateLimitedException}, waiting until {@code X-RateLimit-Reset} (Alpaca sends no
 *       {@code Retry-After}; one is honoured if present), else a minute — the Trading API counts requests per minute;</li>
 *   <li>5xx and anything else on a place: {@code UNKNOWN} — Alpaca does not say a 5xx placed nothing.</li>
 * </ul>
 */
final class AlpacaErrors {
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    private static final String DUPLICATE = "client_order_id must be unique";
    private static final long INVALID_REQUEST = 40010001L;
    private static final int MAX_REASON = 200;

    private AlpacaErrors() {}

    static boolean duplicateClientOrderId(VenueResponse response) {
        return response.status() == 422 && code(response.json()) == INVALID_REQUEST
                && response.json().path("message").asText("").contains(DUPLICATE);
    }

    /** The engine's reading of a refused {@code POST /v2/orders}. */
    static BrokerException refusedOrder(VenueResponse response, Clock clock) {
        int status = response.status();
        if (status == 429) return rateLimited(response, clock);
        if (status == 401) return new BrokerException(BrokerException.Kind.REJECTED, "Alpaca refused the key: " + reason(response));
        if (status == 400 || status == 403 || status == 404 || status == 422) {
            return new BrokerException(BrokerException.Kind.REJECTED, "Alpaca refused the order: " + reason(response));
        }
        return new BrokerException(BrokerException.Kind.UNKNOWN, "Alpaca answered " + reason(response)
                + " to the order: it may have been placed");
    }

    /** A refused read ({@code what}: "the order lookup", "the account", …). */
    static BrokerException refusedRead(VenueResponse response, String what, Clock clock) {
        int status = response.status();
        if (status == 429) return rateLimited(response, clock);
        if (status == 401 || status == 403) {
            return new BrokerException(BrokerException.Kind.REJECTED, "Alpaca refused the key: " + reason(response));
        }
        return new BrokerException(BrokerException.Kind.UNKNOWN, "Alpaca answered " + reason(response) + " to " + what);
    }

    static VenueRateLimitedException rateLimited(VenueResponse response, Clock clock) {
        return new VenueRateLimitedException("Alpaca is rate limiting this key: " + reason(response),
                retryAfter(response, clock));
    }

    /** Alpaca's message and code, bounded and printable, after the HTTP status: e.g. {@code 403 insufficient balance for USD [40310000]}. */
    static String reason(VenueResponse response) {
        JsonNode body = response.json();
        String message = body.path("message").isTextual() ? body.path("message").textValue() : "";
        message = message.replaceAll("\\p{Cntrl}", " ").strip();
        if (message.length() > MAX_REASON) message = message.substring(0, MAX_REASON) + "…";
        long code = code(body);
        String shownCode = code > 0 ? " [" + code + "]" : "";
        return (response.status() + " " + message).strip() + shownCode;
    }

    /** Alpaca's 8-digit error code, or 0 when the body has none (or something else under that name). */
    private static long code(JsonNode body) {
        JsonNode code = body.path("code");
        if (!code.isIntegralNumber() || !code.canConvertToLong()) return 0;
        long value = code.longValue();
        return value >= 10_000_000L && value <= 99_999_999L ? value : 0;
    }

    private static Duration retryAfter(VenueResponse response, Clock clock) {
        if (response.headers().firstValue("Retry-After").isPresent()) return VenueHttp.retryAfter(response, RATE_WINDOW);
        Optional<Long> reset = response.headers().firstValue("X-RateLimit-Reset").flatMap(AlpacaErrors::epochSeconds);
        if (reset.isEmpty()) return RATE_WINDOW;
        long seconds = reset.get() - clock.instant().getEpochSecond();
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, RATE_WINDOW.toSeconds())));
    }

    private static Optional<Long> epochSeconds(String header) {
        try {
            return Optional.of(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
