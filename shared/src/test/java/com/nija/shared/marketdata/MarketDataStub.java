package com.nija.shared.marketdata;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nija.shared.instruments.Instruments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A venue's public market-data API on WireMock, with an HTTP client that records its back-off waits. */
final class MarketDataStub implements AutoCloseable {
    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final PublicMarketHttp http;
    final Instruments instruments = new Instruments();

    MarketDataStub() {
        server.start();
        http = new PublicMarketHttp(HttpClient.newHttpClient(), Duration.ofSeconds(5), 3, Duration.ofSeconds(10),
                waits::add);
    }

    URI url() {
        return URI.create(server.baseUrl());
    }

    static String body(String name) {
        try (InputStream in = MarketDataStub.class.getResourceAsStream("/marketdata/" + name)) {
            if (in == null) throw new IllegalStateException("no test resource marketdata/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
