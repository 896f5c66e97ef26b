package com.nija.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.local.platform.LocalPlatform;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.signals.SignalAuthenticator;
import com.nija.shared.signals.SourceRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A strategy sending signals and a price feed sending prices, each registered on the local platform with its own
 * secret, and the HTTP calls they make: {@code POST /api/v1/signals} and {@code POST /internal/prices}, signed with
 * {@code X-Nija-Source} + {@code X-Nija-Signature} exactly as a programmatic sender signs them.
 */
public final class SignalSource {
    public static final String SIGNALS = "/api/v1/signals";
    public static final String PRICES = "/internal/prices";

    private final Api api;
    private final String id;
    private final String secret;
    private final String priceFeedId;
    private final String priceFeedSecret;

    private SignalSource(Api api, String id, String secret, String priceFeedId, String priceFeedSecret) {
        this.api = api;
        this.id = id;
        this.secret = secret;
        this.priceFeedId = priceFeedId;
        this.priceFeedSecret = priceFeedSecret;
    }

    /**
     * Registers a new signal source (all strategies) and a price feed, both with fresh ids and secrets. Needs the
     * in-process platform: on a deployed stack the test is skipped, saying so.
     */
    public static SignalSource register(ApiTarget target, String purpose) {
        LocalPlatform platform = target.platform("registering a signal source (" + purpose + ")");
        return register(platform, new Api(target));
    }

    /** The same on another in-process platform (one started for a single test class), through {@code api}. */
    public static SignalSource register(LocalPlatform platform, Api api) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String id = "it-src-" + suffix;
        String feed = "it-feed-" + suffix;
        String secret = "sig-" + UUID.randomUUID();
        String feedSecret = "px-" + UUID.randomUUID();
        SourceRegistry sources = platform.context().getBean(SourceRegistry.class);
        sources.register(id, "SIGNALS", secret, List.of("*"), PlatformClock.system().instant());
        sources.register(feed, "PRICES", feedSecret, List.of("*"), PlatformClock.system().instant());
        return new SignalSource(api, id, secret, feed, feedSecret);
    }

    /** The same source and feed, sending to another API (another region of the platform). */
    public SignalSource via(Api other) {
        return new SignalSource(other, id, secret, priceFeedId, priceFeedSecret);
    }

    /**
     * A signal source and a price feed that an admin created through the API ({@code POST /api/v1/admin/sources}),
     * with the secrets the 201s showed: works against the local platform and a deployed stack alike.
     */
    public static SignalSource created(Api api, String id, String secret, String priceFeedId, String priceFeedSecret) {
        return new SignalSource(api, id, secret, priceFeedId, priceFeedSecret);
    }

    /** A TradingView-style signal body with a fresh {@code signalId}; callers add fields to it. */
    public static Map<String, Object> signal(String action, String symbol) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("signalId", "it-" + action + "-" + UUID.randomUUID());
        s.put("symbol", symbol);
        s.put("action", action);
        return s;
    }

    /** The source id traders subscribe to. */
    public String id() {
        return id;
    }

    public String secret() {
        return secret;
    }

    /** The price feed registered beside this source (sources of kind PRICES sign {@code /internal/prices}). */
    public String priceFeedId() {
        return priceFeedId;
    }

    public String priceFeedSecret() {
        return priceFeedSecret;
    }

    /** A signal (a map or a JSON string) signed by this source. */
    public ApiResponse send(Object signal) {
        String body = json(signal);
        return post(SIGNALS, body, "application/json", id, SignalAuthenticator.sign(secret, body, PlatformClock.system().instant()));
    }

    /** A body signed with {@code signingSecret} (the wrong one, to test refusals) under this source's id. */
    public ApiResponse sendSignedWith(String signingSecret, Object signal) {
        String body = json(signal);
        return post(SIGNALS, body, "application/json", id,
                SignalAuthenticator.sign(signingSecret, body, PlatformClock.system().instant()));
    }

    /** Any body with any content type, signed by this source (TradingView posts text/plain for non-JSON messages). */
    public ApiResponse sendRaw(String body, String contentType) {
        return post(SIGNALS, body, contentType, id, SignalAuthenticator.sign(secret, body, PlatformClock.system().instant()));
    }

    /** TradingView's way: no headers, {@code source} and {@code secret} inside the JSON body. */
    public ApiResponse sendUnsigned(Object signal) {
        return post(SIGNALS, json(signal), "application/json", null, null);
    }

    /** Latest prices from this source's feed: symbol → price. Answers the ingest's counts. */
    public ApiResponse prices(Map<String, BigDecimal> prices) {
        List<Map<String, String>> list = new ArrayList<>();
        prices.forEach((symbol, price) -> list.add(Map.of("symbol", symbol, "price", price.toPlainString())));
        String body = json(Map.of("prices", list));
        return post(PRICES, body, "application/json", priceFeedId,
                SignalAuthenticator.sign(priceFeedSecret, body, PlatformClock.system().instant()));
    }

    /** One price; expects 200 and returns the ingest's answer. */
    public ApiResponse price(String symbol, String price) {
        return prices(Map.of(symbol, new BigDecimal(price))).expect(200);
    }

    private ApiResponse post(String path, String body, String contentType, String source, String signature) {
        Map<String, String> headers = source == null ? Map.of("Content-Type", contentType)
                : Map.of("Content-Type", contentType, "X-Nija-Source", source, "X-Nija-Signature", signature);
        return api.send("POST", path, null, headers, body);
    }

    private static String json(Object body) {
        if (body instanceof String s) return s;
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable: " + body, e);
        }
    }
}
