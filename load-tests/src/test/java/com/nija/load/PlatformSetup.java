package com.nija.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a run through the platform's own API, as an operator and traders would: the admin API creates a signal
 * source and a price source (their secrets come back once), each trader signs in ({@code POST /local/sign-in} on the
 * local platform) and saves settings that follow the signal source, and a first price batch gives every market a price.
 * Ids carry the run's id, so runs never share traders or sources.
 */
final class PlatformSetup {
    static final List<String> MARKETS = List.of("BTC-USD", "ETH-USD");
    static final ObjectMapper JSON = new ObjectMapper();

    record Trader(String id, String token) {}

    record Prepared(String runId, String signalSource, String signalSecret, String priceSource, String priceSecret,
                    List<Trader> traders) {}

    private final LoadParameters p;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    PlatformSetup(LoadParameters p) {
        this.p = p;
    }

    Prepared prepare() throws IOException, InterruptedException {
        String runId = Long.toString(Instant.now().getEpochSecond(), 36);
        String signalSource = "load-signals-" + runId;
        String priceSource = "load-prices-" + runId;
        String signalSecret = createSource(signalSource, "SIGNALS");
        String priceSecret = createSource(priceSource, "PRICES");
        postPrices(priceSource, priceSecret, PriceWalk.next());
        List<Trader> traders = new ArrayList<>();
        for (int i = 0; i < p.traders(); i++) {
            String id = "load-" + runId + "-" + i;
            String token = signIn(id);
            followSource(token, signalSource);
            traders.add(new Trader(id, token));
        }
        return new Prepared(runId, signalSource, signalSecret, priceSource, priceSecret, List.copyOf(traders));
    }

    private String createSource(String id, String kind) throws IOException, InterruptedException {
        // A price source sends no signals, so it names no strategies.
        String strategies = "SIGNALS".equals(kind) ? ",\"strategies\":[\"*\"]" : "";
        String body = "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\"" + strategies + ",\"rateLimitPerMinute\":600}";
        JsonNode answer = send(request("/api/v1/admin/sources").header("Authorization", "Bearer " + p.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        return answer.path("secret").asText();
    }

    private String signIn(String traderId) throws IOException, InterruptedException {
        return send(request("/local/sign-in").POST(HttpRequest.BodyPublishers.ofString("{\"traderId\":\"" + traderId + "\"}")),
                200).path("token").asText();
    }

    private void followSource(String token, String source) throws IOException, InterruptedException {
        JsonNode current = send(request("/api/v1/settings").header("Authorization", "Bearer " + token).GET(), 200);
        send(request("/api/v1/settings").header("Authorization", "Bearer " + token)
                .header("If-Match", "\"" + current.path("version").asLong(0) + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(Settings.body(source, 0))), 200);
    }

    void postPrices(String source, String secret, String body) throws IOException, InterruptedException {
        send(request("/internal/prices").header("X-Nija-Source", source)
                .header("X-Nija-Signature", Signatures.sign(secret, body, Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200);
    }

    /** The trader's most recent orders (up to 100), for signal → order from their timestamps. */
    JsonNode orders(Trader t) throws IOException, InterruptedException {
        return send(request("/api/v1/orders?limit=100").header("Authorization", "Bearer " + t.token()).GET(), 200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(p.baseUrl().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpRequest r = request.build();
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(r.method() + " " + r.uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** A settings body that follows {@code source}; {@code variant} changes the position size so a save changes something. */
    static final class Settings {
        private Settings() {}

        static String body(String source, int variant) {
            return "{\"positionSizePct\":\"" + (2 + variant % 3) + "\",\"maxOpenPositions\":3,\"dailyLossLimit\":\"1000\","
                    + "\"allowedSymbols\":[\"BTC-USD\",\"ETH-USD\"],\"stopLossPct\":\"5\",\"takeProfitPct\":\"10\","
                    + "\"allowShorts\":false,\"tradingEnabled\":true,\"subscriptions\":[\"" + source + "\"]}";
        }
    }

    /** Prices for the load's markets, each a small random step from the last. */
    static final class PriceWalk {
        private static final double[] LAST = {60_000, 3_000};

        private PriceWalk() {}

        static synchronized String next() {
            StringBuilder b = new StringBuilder("{\"prices\":[");
            for (int i = 0; i < MARKETS.size(); i++) {
                LAST[i] *= 1 + (java.util.concurrent.ThreadLocalRandom.current().nextDouble() - 0.5) / 500;
                if (i > 0) b.append(',');
                b.append("{\"symbol\":\"").append(MARKETS.get(i)).append("\",\"price\":\"")
                        .append(String.format(java.util.Locale.ROOT, "%.2f", LAST[i])).append("\"}");
            }
            return b.append("]}").toString();
        }
    }
}
