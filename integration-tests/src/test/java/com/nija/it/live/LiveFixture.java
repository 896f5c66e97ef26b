package com.nija.it.live;

import com.nija.local.platform.LocalPlatform;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.data.Keys;
import com.nija.shared.data.ProfileItem;
import com.nija.shared.data.SettingsItem;
import com.nija.shared.data.TradingTables;
import com.nija.shared.instruments.Instruments;
import com.nija.shared.market.PriceBook;
import com.nija.shared.signals.SignalAuthenticator;
import com.nija.shared.signals.SourceRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Traders ready to trade and a signal source of their own, seeded through the platform's tables, and signals sent
 * through the gateway exactly as a strategy sends them (HMAC-signed), so they go intake → fan-out → executor.
 */
final class LiveFixture {
    private static final String SECRET = "live-it-signal-secret-0123456789";

    final LocalPlatform platform;
    final String source = "live-it-" + UUID.randomUUID().toString().substring(0, 8);
    final String priceSource = source + "-prices";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    LiveFixture(LocalPlatform platform) {
        this.platform = platform;
        SourceRegistry sources = platform.context().getBean(SourceRegistry.class);
        sources.register(source, "SIGNALS", SECRET, List.of("*"), PlatformClock.system().instant());
        sources.register(priceSource, "PRICES", SECRET, List.of("*"), PlatformClock.system().instant());
    }

    /** A pro trader with a $10,000 paper account, bot running, trading on, following this fixture's source. */
    String trader(String purpose) {
        String user = "live-" + purpose + "-" + UUID.randomUUID();
        return traderWith(user, List.of(source));
    }

    /** A trader who follows no source: no signal ever trades for them. */
    String bystander(String purpose) {
        return traderWith("live-" + purpose + "-" + UUID.randomUUID(), List.of());
    }

    private String traderWith(String user, List<String> subscriptions) {
        TradingTables tables = platform.context().getBean(TradingTables.class);
        Instant now = PlatformClock.system().instant();
        tables.profiles().putItem(new ProfileItem(Keys.user(user), Keys.PROFILE, user, null, "pro", "active", "RUNNING",
                new BigDecimal("10000.00"), 0L, now, now, null));
        tables.settings().putItem(new SettingsItem(Keys.user(user), Keys.SETTINGS, new BigDecimal("1"), 10,
                new BigDecimal("500"), List.of(), null, null, false, true, subscriptions,
                subscriptions.isEmpty() ? null : Keys.enabledShard(user), subscriptions.isEmpty() ? null : user, now, null));
        return user;
    }

    String token(String user) {
        return platform.tokens().issue(user, List.of(), Duration.ofMinutes(30));
    }

    /** A market nobody else trades (a paper-only one the platform registers, as its benchmarks do), priced at 100. */
    String market() {
        String symbol = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase() + "-USD";
        platform.context().getBean(Instruments.class).register(symbol);
        platform.context().getBean(PriceBook.class).update(symbol, new BigDecimal("100.00"), PlatformClock.system().instant());
        return symbol;
    }

    /** Sends a signed buy signal from this fixture's source; returns its id. */
    String buy(String symbol) throws Exception {
        String signalId = "sig-" + UUID.randomUUID();
        String body = "{\"signalId\":\"" + signalId + "\",\"symbol\":\"" + symbol + "\",\"action\":\"buy\",\"strategy\":\"it\"}";
        post("/api/v1/signals", source, body, 202);
        return signalId;
    }

    /** Posts signed prices through the price-ingest route, as a feed does. */
    void prices(String body) throws Exception {
        post("/internal/prices", priceSource, body, 200);
    }

    /** The trader pauses their bot through the HTTP API, with their own token. */
    void pause(String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl()
                        + "/api/v1/trading/pause")).header("Authorization", "Bearer " + token(user))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new AssertionError("pause refused: " + response.body());
    }

    private void post(String path, String sender, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("X-Nija-Source", sender)
                .header("X-Nija-Signature", SignalAuthenticator.sign(SECRET, body, PlatformClock.system().instant()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) throw new AssertionError(path + " refused: " + response.body());
    }
}
