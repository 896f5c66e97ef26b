package com.nija.functions.live;

import com.nija.functions.http.Headers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a WebSocket client puts its JWT: browsers cannot set an {@code Authorization} header on a WebSocket, so it
 * comes in the {@code token} query parameter or as one of the offered {@code Sec-WebSocket-Protocol} entries (the
 * compact JWT itself, or {@code bearer.<JWT>}), best beside the real subprotocol {@value #PROTOCOL}.
 */
final class WsTokens {
    /** The live-updates protocol a client may offer, and the one selected whenever it is offered. */
    static final String PROTOCOL = "nija.v1";
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

    /**
     * The subprotocol to select from the offered ones: {@value #PROTOCOL} when offered; else the offered token entry
     * itself, because a browser aborts a handshake that selects none of the protocols it offered (and a browser can
     * send the token no other way than in this header); empty when neither was offered (nothing is selected).
     */
    static String selectedSubprotocol(String offered) {
        List<String> entries = Arrays.stream(offered.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (entries.contains(PROTOCOL)) return PROTOCOL;
        return entries.stream().filter(WsTokens::isToken).findFirst().orElse("");
    }

    /** A compact JWS has exactly two dots. */
    private static boolean isToken(String protocol) {
        return protocol.startsWith(BEARER) || protocol.chars().filter(c -> c == '.').count() == 2;
    }
}
