package com.nija.shared.venues.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueRateLimitedException;
import com.nija.shared.venues.VenueResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A Binance error answer — {@code {"code": -2010, "msg": "…"}} with a 4xx or 5xx status (Spot API "Error Codes",
 * errors.md) — and what it means for an order. 5xx means execution status unknown ("HTTP Return Codes": do NOT treat
 * it as a failure), so it is {@code UNKNOWN} whatever its code; 429 and 418 carry {@code Retry-After}.
 */
record BinanceError(int status, Integer code, String msg) {
    /** Binance counts weight per minute; a 418 ban lasts from 2 minutes up ("IP Limits"). */
    static final Duration RATE_LIMIT_DEFAULT = Duration.ofMinutes(1);
    static final Duration BAN_DEFAULT = Duration.ofMinutes(2);
    private static final int MAX_MSG = 160;

    /** The error {@code response} carries, or empty for a 2xx. */
    static Optional<BinanceError> of(VenueResponse response) {
        if (response.ok()) return Optional.empty();
        JsonNode body = response.json();
        JsonNode code = body.get("code");
        JsonNode msg = body.get("msg");
        return Optional.of(new BinanceError(response.status(),
                code != null && code.isInt() ? code.intValue() : null,
                msg != null && msg.isTextual() ? printable(msg.textValue()) : ""));
    }

    boolean timestampRefused() {
        return is(-1021);
    }

    /** -2010 "Duplicate order sent.": an order under this client order id is still open. */
    boolean duplicateOrder() {
        return is(-2010) && msg.toLowerCase(Locale.ROOT).contains("duplicate order");
    }

    /** -2013 "Order does not exist." (query), -2011 "Unknown order sent." (cancel). */
    boolean unknownOrder() {
        return is(-2013) || is(-2011);
    }

    /** The key or its signature was refused: -1022 bad signature, -2014 key format, -2015 key/IP/permission. */
    boolean keyRefused() {
        return is(-1022) || is(-2014) || is(-2015) || status == 401;
    }

    /** What this error means for the call {@code action} (e.g. "placing o-…"): the engine's three outcomes. */
    BrokerException toException(String action, VenueResponse response) {
        if (status == 429 || status == 418 || is(-1003) || is(-1015)) {
            Duration wait = VenueHttp.retryAfter(response, status == 418 ? BAN_DEFAULT : RATE_LIMIT_DEFAULT);
            return new VenueRateLimitedException((status == 418 ? "Binance has banned this IP for too many requests"
                    : "Binance rate limit reached") + " while " + action + "; retry after " + wait.toSeconds() + " s",
                    wait);
        }
        if (status >= 500 || is(-1006) || is(-1007)) {
            return new BrokerException(Kind.UNKNOWN, "Binance answered " + describe() + " while " + action
                    + ": execution status unknown");
        }
        if (status == 403) {
            return new BrokerException(Kind.NOT_PLACED, "Binance's web application firewall refused the request while "
                    + action);
        }
        if (timestampRefused()) {
            return new BrokerException(Kind.NOT_PLACED, "Binance refused the request's timestamp while " + action
                    + " even after re-syncing with its clock");
        }
        return new BrokerException(Kind.REJECTED, reason() + " (" + action + ")");
    }

    /** The refusal in words a trader understands, with Binance's own message. */
    String reason() {
        if (code == null) return "Binance refused the request with HTTP " + status;
        String lower = msg.toLowerCase(Locale.ROOT);
        return switch (code) {
            case -1022 -> "signature not valid: is the API secret right? (" + describe() + ")";
            case -2014 -> "API key format invalid (" + describe() + ")";
            case -2015 -> "API key invalid, this IP not allowed, or no permission for this action (" + describe() + ")";
            case -1121 -> "invalid symbol (" + describe() + ")";
            case -1013 -> filterFailure(lower) + " (" + describe() + ")";
            case -2010 -> lower.contains("insufficient balance")
                    ? "insufficient funds (" + describe() + ")"
                    : "order rejected by Binance (" + describe() + ")";
            default -> "Binance refused the request (" + describe() + ")";
        };
    }

    private static String filterFailure(String lower) {
        if (lower.contains("lot_size")) return "invalid size: below the minimum or not a multiple of the size step";
        if (lower.contains("notional")) return "invalid size: order value below the minimum notional";
        if (lower.contains("price_filter")) return "invalid price: off the price tick or out of range";
        return "order refused by Binance's filters";
    }

    private String describe() {
        return (code == null ? "HTTP " + status : code.toString()) + (msg.isEmpty() ? "" : " " + msg);
    }

    private boolean is(int expected) {
        return code != null && code == expected;
    }

    /** Binance's message, shortened and without control characters, fit for a log line and a trader's screen. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= MAX_MSG ? clean : clean.substring(0, MAX_MSG) + "…";
    }
}
