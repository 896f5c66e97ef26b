package com.nija.shared.venues.binance;

import com.nija.shared.testing.HandMovedClock;
import com.nija.shared.config.PlatformClock;
import java.time.temporal.ChronoUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A Binance spot REST API on WireMock, answering with the documented bodies under {@code venues/binance/}. Its clock
 * is the test's clock plus {@link #skew}. A signed request reaches a scenario's stub only when
 * {@link BinanceSignatureCheck} verifies it; otherwise Binance's documented refusals answer: an unknown key 401
 * -2015, a bad signature 400 -1022, a timestamp outside recvWindow 400 -1021.
 */
final class BinanceStub implements AutoCloseable {
    /** The example key pair of the Spot API docs ("SIGNED Endpoint Examples for POST /api/v3/order"). */
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String SERVER_TIME = "binance-server-time";

    /** Our side's clock: the platform clock's now, to the millisecond, moved only by the test. */
    final HandMovedClock clock = new HandMovedClock(PlatformClock.system().instant().truncatedTo(ChronoUnit.MILLIS));
    private volatile Duration skew = Duration.ZERO;
    private final WireMockServer server;

    BinanceStub() {
        server = new WireMockServer(options().dynamicPort().extensions(new ServerTimeBody()));
        server.start();
        reset();
    }

    WireMockServer server() {
        return server;
    }

    URI url() {
        return URI.create(server.baseUrl());
    }

    /** Binance's clock minus ours. */
    void skew(Duration skew) {
        this.skew = skew;
    }

    long serverTime() {
        return clock.millis() + skew.toMillis();
    }

    /** Production and testnet base URLs both pointing here. */
    Map<String, String> env() {
        return Map.of("NIJA_BROKER_BINANCE_BASE_URL", server.baseUrl(),
                "NIJA_BROKER_BINANCE_SANDBOX_BASE_URL", server.baseUrl());
    }

    static VenueCredentials key() {
        return key(SECRET, false);
    }

    static VenueCredentials key(String secret, boolean testnet) {
        return new VenueCredentials(Venue.BINANCE, Map.of("apiKey", API_KEY, "apiSecret", secret), testnet);
    }

    void reset() {
        server.resetAll();
        skew = Duration.ZERO;
        server.stubFor(get(urlPathEqualTo("/api/v3/time")).willReturn(aResponse().withTransformers(SERVER_TIME)));
        server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .willReturn(json(200, "exchange-info-btcusdt.json")));
        server.stubFor(any(anyUrl()).atPriority(8)
                .andMatching(r -> MatchResult.of(r.containsHeader("X-MBX-APIKEY")
                        && !API_KEY.equals(r.getHeader("X-MBX-APIKEY"))))
                .willReturn(json(401, "errors/invalid-key.json")));
        server.stubFor(any(anyUrl()).atPriority(7)
                .andMatching(r -> MatchResult.of(r.containsHeader("X-MBX-APIKEY")
                        && !BinanceSignatureCheck.signatureValid(r, SECRET)))
                .willReturn(json(400, "errors/invalid-signature.json")));
        server.stubFor(any(anyUrl()).atPriority(6)
                .andMatching(r -> MatchResult.of(r.containsHeader("X-MBX-APIKEY")
                        && !BinanceSignatureCheck.timestampInWindow(r, serverTime())))
                .willReturn(json(400, "errors/timestamp-outside-recv-window.json")));
    }

    /** A scenario's answer to a signed request, served only when its key, signature and timestamp verify. */
    StubMapping signed(MappingBuilder request, ResponseDefinitionBuilder answer) {
        return server.stubFor(request.atPriority(1).andMatching(r -> MatchResult.of(verifies(r))).willReturn(answer));
    }

    /** A public endpoint's answer (no key). */
    StubMapping open(MappingBuilder request, ResponseDefinitionBuilder answer) {
        return server.stubFor(request.atPriority(1).willReturn(answer));
    }

    /** How many requests {@code stub} answered. */
    long served(StubMapping stub) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getStubMapping() != null && stub.getId().equals(e.getStubMapping().getId()))
                .count();
    }

    /** How many requests the stub received for {@code method} {@code path}. */
    long received(String method, String path) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method))
                .filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(path))
                .count();
    }

    private boolean verifies(Request r) {
        return API_KEY.equals(r.getHeader("X-MBX-APIKEY")) && BinanceSignatureCheck.signatureValid(r, SECRET)
                && BinanceSignatureCheck.timestampInWindow(r, serverTime());
    }

    static ResponseDefinitionBuilder json(int status, String resource) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(resource));
    }

    static String body(String resource) {
        try (InputStream in = BinanceStub.class.getResourceAsStream("/venues/binance/" + resource)) {
            if (in == null) throw new IllegalStateException("no test resource venues/binance/" + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** {@code GET /api/v3/time}: {@code {"serverTime": …}} read from the stub's clock when asked. */
    private final class ServerTimeBody implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
                    .withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"serverTime\":" + serverTime() + "}").build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return SERVER_TIME;
        }
    }
}
