package com.nija.it.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.UUID;

/**
 * Alpaca's paper API as documented (https://docs.alpaca.markets/reference) on one WireMock server for the whole test
 * module: every in-process platform's Alpaca sandbox points here ({@link ItPlatforms}). Each test gets a key of its
 * own ({@link #newKey()}); the stubs answer only that key, so no test sees another's orders.
 */
public final class AlpacaStandIn {
    private static AlpacaStandIn shared;

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    /** An Alpaca key pair this stand-in accepts. */
    public record Key(String id, String secret) {}

    private AlpacaStandIn() {
        server.start();
    }

    /** The module's stand-in, started on first use; it lives as long as the test JVM, like the shared platform. */
    public static synchronized AlpacaStandIn shared() {
        if (shared == null) shared = new AlpacaStandIn();
        return shared;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** A fresh key with a funded crypto account; a market order with it fills at once at 65012.5. */
    public Key newKey() {
        Key key = new Key("PKTESTIT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(),
                (UUID.randomUUID() + "" + UUID.randomUUID()).replace("-", "").substring(0, 40));
        server.stubFor(keyed(key, get(urlPathEqualTo("/v2/account"))).willReturn(json("""
                {"id":"904837e3-3b76-47ec-b432-046db621571b","account_number":"PA3ZLIVEIT","status":"ACTIVE",
                 "crypto_status":"ACTIVE","currency":"USD","cash":"10000","buying_power":"10000",
                 "trading_blocked":false,"transfers_blocked":false,"account_blocked":false,
                 "trade_suspended_by_user":false,"pattern_day_trader":false}""")));
        // A market order fills at once; the answer echoes the order sent.
        server.stubFor(keyed(key, post(urlPathEqualTo("/v2/orders"))).willReturn(json("""
                {"id":"{{randomValue type='UUID'}}","client_order_id":"{{jsonPath request.body '$.client_order_id'}}",
                 "created_at":"2031-06-16T11:59:58.201337Z","updated_at":"2031-06-16T11:59:58.412345Z",
                 "submitted_at":"2031-06-16T11:59:58.198712Z","filled_at":"2031-06-16T11:59:58.401122Z",
                 "symbol":"BTC/USD","asset_class":"crypto","qty":"{{jsonPath request.body '$.qty'}}",
                 "filled_qty":"{{jsonPath request.body '$.qty'}}","filled_avg_price":"65012.5","order_type":"market",
                 "type":"market","side":"{{jsonPath request.body '$.side'}}","time_in_force":"gtc","limit_price":null,
                 "status":"filled"}""").withTransformers("response-template")));
        server.stubFor(keyed(key, get(urlPathEqualTo("/v2/positions"))).willReturn(json("[]")));
        server.stubFor(keyed(key, get(urlPathEqualTo("/v2/orders"))).willReturn(json("[]")));
        return key;
    }

    /** From now on the venue says this key's account holds {@code qty} BTC. */
    public void holdsBitcoin(Key key, String qty) {
        server.stubFor(keyed(key, get(urlPathEqualTo("/v2/positions"))).willReturn(json("""
                [{"asset_id":"276e2673-764b-4ab6-a611-caf665ca6340","symbol":"BTCUSD","exchange":"CRYPTO",
                  "asset_class":"crypto","qty":"%s","side":"long"}]""".formatted(qty))));
    }

    /** The orders placed with this key, oldest first. */
    public List<LoggedRequest> orders(Key key) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v2/orders"))
                .withHeader("APCA-API-KEY-ID", equalTo(key.id())));
    }

    private static MappingBuilder keyed(Key key, MappingBuilder request) {
        return request.withHeader("APCA-API-KEY-ID", equalTo(key.id()))
                .withHeader("APCA-API-SECRET-KEY", equalTo(key.secret()));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
