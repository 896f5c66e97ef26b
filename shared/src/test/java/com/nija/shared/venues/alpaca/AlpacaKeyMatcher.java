package com.nija.shared.venues.alpaca;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The stub's side of Alpaca's authentication, written from the docs ("Authentication": the key id in
 * {@code APCA-API-KEY-ID}, the secret in {@code APCA-API-SECRET-KEY}) and not from the client: a request matches only
 * when both headers carry the one key this stub (one Alpaca host) accepts. Compared in constant time, as a server
 * must compare secrets.
 */
record AlpacaKeyMatcher(String keyId, String secretKey) implements ValueMatcher<Request> {

    @Override
    public MatchResult match(Request request) {
        return MatchResult.of(same(request.getHeader("APCA-API-KEY-ID"), keyId)
                & same(request.getHeader("APCA-API-SECRET-KEY"), secretKey));
    }

    private static boolean same(String sent, String expected) {
        byte[] a = (sent == null ? "" : sent).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(a, expected.getBytes(StandardCharsets.UTF_8)) && sent != null;
    }
}
