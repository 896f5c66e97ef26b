package com.nija.shared.venues.alpaca;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One Alpaca host (paper or live) on a dynamic port: it accepts one key ({@link AlpacaKeyMatcher}); any request
 * without it gets Alpaca's documented 401 {@code {"message":"unauthorized"}}, whatever its path.
 */
final class AlpacaStub {
    private static final int AUTHENTICATED = 1;
    private static final int UNAUTHENTICATED = 10;

    final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    final AlpacaKeyMatcher key;

    AlpacaStub(String keyId, String secretKey) {
        this.key = new AlpacaKeyMatcher(keyId, secretKey);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Forgets requests and stubs, then answers every unauthenticated request with 401. */
    void reset() {
        server.resetAll();
        server.stubFor(any(anyUrl()).atPriority(UNAUTHENTICATED)
                .willReturn(json(401, "error-unauthorized.json")));
    }

    /** Stubs {@code mapping} for requests carrying this host's key only. */
    void stub(MappingBuilder mapping) {
        server.stubFor(mapping.andMatching(key).atPriority(AUTHENTICATED));
    }

    static ResponseDefinitionBuilder json(int status, String resource) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(resource));
    }

    static String body(String resource) {
        try (InputStream in = AlpacaStub.class.getResourceAsStream("/venues/alpaca/" + resource)) {
            if (in == null) throw new IllegalStateException("no test resource venues/alpaca/" + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
