package com.nija.shared.venues.okx;

import com.nija.shared.broker.BrokerException;
import com.nija.shared.broker.BrokerException.Kind;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.VenueRateLimitedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * OKX's error codes (docs-v5 "Error Code › REST API › Public") as the engine's three outcomes. Rate limits (HTTP 429,
 * 50011 …) placed nothing; codes OKX documents as "does not mean that the request was successful or failed" (50004,
 * 51149, 51054) and every 5xx leave the order unknown; an order OKX refused (insufficient balance, size, instrument,
 * key …) is rejected with the reason in words.
 */
final class OkxErrors {
    /** OKX sends no Retry-After; its limits are counted per 2-second window. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);
    static final Set<String> DUPLICATE_CLIENT_ORDER_ID = Set.of("51016");
    static final Set<String> NO_SUCH_ORDER = Set.of("51603");
    /** Cancel found nothing open: filled, cancelled or never there. */
    static final Set<String> NOT_OPEN = Set.of("51400", "51401", "51402", "51603");
    /** Cancel refused because a cancellation is already under way: the order is being cancelled. */
    static final Set<String> ALREADY_CANCELLING = Set.of("51410");

    private static final Set<String> RATE_LIMITED = Set.of("50011", "50013", "50040", "50061");
    private static final Set<String> OUTCOME_UNKNOWN = Set.of("50001", "50004", "50026", "51054", "51149");
    private static final int MAX_REASON = 160;
    private static final Map<String, String> WORDS = words();

    private OkxErrors() {}

    static boolean is(OkxAnswer answer, Set<String> codes) {
        return codes.contains(answer.outcome());
    }

    /** The exception that tells the engine what a failed answer to {@code what} means. */
    static BrokerException failure(String what, OkxAnswer answer) {
        String code = answer.outcome();
        int status = answer.response().status();
        String detail = code.isEmpty() ? " (HTTP " + status + ")" : " (OKX " + code + clean(answer.reason()) + ")";
        if (status == 429 || RATE_LIMITED.contains(code)) {
            return new VenueRateLimitedException(what + ": OKX rate limit reached" + detail,
                    VenueHttp.retryAfter(answer.response(), DEFAULT_WAIT));
        }
        if (status >= 500 || OUTCOME_UNKNOWN.contains(code) || (code.isEmpty() && status < 300)) {
            return new BrokerException(Kind.UNKNOWN, what + ": OKX gave no outcome" + detail);
        }
        return new BrokerException(Kind.REJECTED, what + ": " + WORDS.getOrDefault(code, "refused by OKX") + detail);
    }

    private static String clean(String reason) {
        String oneLine = reason.replaceAll("\\p{Cntrl}", " ").strip();
        if (oneLine.isEmpty()) return "";
        return ": " + (oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) + "…" : oneLine);
    }

    private static Map<String, String> words() {
        Map<String, String> words = new HashMap<>();
        put(words, "insufficient balance", "51008", "51119", "51127", "51131", "51736");
        put(words, "invalid size", "50122", "51020", "51120", "51121", "51150", "51201", "51202", "51203");
        put(words, "invalid or untradable instrument", "50033", "51001", "51015", "51021", "51022", "51027",
                "51087", "51155");
        put(words, "price outside OKX's limits", "51006", "51116", "51122", "51137", "51138", "51204");
        put(words, "bad key or permission", "50030", "50035", "50100", "50101", "50103", "50104", "50105", "50106",
                "50107", "50110", "50111", "50113", "50114", "50119", "50120");
        put(words, "request time refused (OKX allows 30 s of clock difference)", "50102", "50112");
        put(words, "account restricted by OKX", "50007", "50009", "50027", "50028", "50029", "51009", "51024");
        put(words, "invalid request", "50000", "50002", "50006", "50014", "50015", "51000");
        return Map.copyOf(words);
    }

    private static void put(Map<String, String> words, String meaning, String... codes) {
        for (String code : codes) words.put(code, meaning);
    }
}
