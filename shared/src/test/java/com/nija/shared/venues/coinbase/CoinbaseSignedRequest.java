package com.nija.shared.venues.coinbase;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stub's authentication: a private request matches only when its JWT verifies ({@link CoinbaseJwtCheck}) for
 * exactly this request's method, host and path, and its nonce was never seen with another request — a JWT replayed,
 * even to the same path, is refused as Coinbase refuses it, with its 401. WireMock may test one request against
 * several stubs; the request's id tells such repeats from a replay.
 */
final class CoinbaseSignedRequest extends RequestMatcherExtension {
    private final CoinbaseJwtCheck check;
    private final Map<String, Object> nonces = new ConcurrentHashMap<>();

    CoinbaseSignedRequest(CoinbaseJwtCheck check) {
        this.check = check;
    }

    @Override
    public MatchResult match(Request request, Parameters parameters) {
        String authorization = request.getHeader("Authorization");
        String host = Objects.requireNonNullElse(request.getHeader("Host"), request.getHost() + ":" + request.getPort());
        if (check.problem(authorization, request.getMethod().value(), host, URI.create(request.getUrl()).getRawPath())
                .isPresent()) {
            return MatchResult.noMatch();
        }
        Object identity = request.getId() != null ? request.getId() : request;
        String nonce = CoinbaseJwtCheck.header(authorization).path("nonce").asText();
        return MatchResult.of(nonces.computeIfAbsent(nonce, n -> identity).equals(identity));
    }

    @Override
    public String getName() {
        return "coinbase-signed-request";
    }
}
