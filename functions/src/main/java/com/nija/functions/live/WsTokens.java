package com.nija.functions.live;

import com.nija.functions.http.Headers;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where a WebSocket client puts its JWT: browsers cannot set an {@code Authorization} header on a WebSocket, so it
 * comes in the {@code token} query parameter or as one of the offered {@code Sec-WebSocket-Protocol} entries (the
 * compact JWT itself, or {@code bearer.<JWT>}). The other offered subprotocols are real ones the server may select.
 */
final class WsTokens {
    private static final String BEARER = "bearer.";

    private WsTokens() {}

    /** The token from {@code ?token=}, else from the offered subprotocols. */
    static Optional<String> find(Map<String, String> query, Map<String, String> headers) {
        String q = query == null ? null : query.get("token");
        if (q != null && !q.isBlank()) return Optional.of(q.strip());
        return Headers.find(headers, "Sec-WebSocket-Protocol").flatMap(offered -> Arrays.stream(offered.split(","))
                .map(String::strip)
                .filter(WsTokens::isToken)
                .map(p -> p.startsWith(BEARER) ? p.substring(BEARER.length()) : p)
                .findFirst());
    }

    /** The subprotocol to accept: the first offered that is not a token; empty when there is none. */
    static String selectedSubprotocol(String offered) {
        return Arrays.stream(offered.split(",")).map(String::strip)
                .filter(p -> !p.isEmpty() && !isToken(p))
                .findFirst().orElse("");
    }

    /** A compact JWS has exactly two dots. */
    private static boolean isToken(String protocol) {
        return protocol.startsWith(BEARER) || protocol.chars().filter(c -> c == '.').count() == 2;
    }
}
