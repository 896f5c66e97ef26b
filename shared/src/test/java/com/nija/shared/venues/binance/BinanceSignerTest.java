package com.nija.shared.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the Binance Spot REST API docs (github.com/binance/binance-spot-api-docs, rest-api.md, "SIGNED
 * Endpoint Examples for POST /api/v3/order — HMAC Keys"): the example secret, the LTCBTC order with
 * timestamp=1499827319559 and its published signatures. Example 3 ("Mixed query string and request body", signature
 * 0fd168…) is from the same section before its rewrite of 2025-12-17 (commit f83a5bf), which kept examples 1 and 2.
 */
class BinanceSignerTest {
    private static final String SECRET = BinanceStub.SECRET;
    private static final String LTCBTC =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    @Test
    @DisplayName("the documented LTCBTC order signs to the documented signature, sent as a query string or as a body")
    void documentedExample() {
        assertThat(BinanceSigner.sign(SECRET, LTCBTC, ""))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(BinanceSigner.sign(SECRET, "", LTCBTC))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    @DisplayName("query and body are joined with no separator, as in the documented mixed example")
    void mixedQueryAndBody() {
        assertThat(BinanceSigner.sign(SECRET, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"))
                .isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    @DisplayName("a non-ASCII symbol is percent-encoded before signing and signs to the documented signature")
    void nonAsciiExample() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "１２３４５６");
        params.put("side", "BUY");
        String encoded = BinanceRequests.form(params);

        assertThat(encoded).isEqualTo("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY");
        assertThat(BinanceSigner.sign(SECRET, encoded + "&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                + "&recvWindow=5000&timestamp=1499827319559", ""))
                .isEqualTo("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
    }

    @Test
    @DisplayName("a signed POST sends the documented body, signature last, and the key in X-MBX-APIKEY")
    void signedPostIsTheDocumentedRequest() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "LTCBTC");
        params.put("side", "BUY");
        params.put("type", "LIMIT");
        params.put("timeInForce", "GTC");
        params.put("quantity", "1");
        params.put("price", "0.1");

        HttpRequest request = BinanceRequests.signed(BinanceStub.key(), URI.create("https://api.binance.com"), "POST",
                "/api/v3/order", params, 1499827319559L).build();

        assertThat(request.uri()).isEqualTo(URI.create("https://api.binance.com/api/v3/order"));
        assertThat(request.headers().firstValue("X-MBX-APIKEY")).contains(BinanceStub.API_KEY);
        assertThat(request.headers().firstValue("Content-Type")).contains("application/x-www-form-urlencoded");
        assertThat(body(request))
                .isEqualTo(LTCBTC + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    @DisplayName("a signed GET carries everything in the query string, with the documented signature")
    void signedGetUsesTheQueryString() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", "LTCBTC");
        params.put("side", "BUY");
        params.put("type", "LIMIT");
        params.put("timeInForce", "GTC");
        params.put("quantity", "1");
        params.put("price", "0.1");

        HttpRequest request = BinanceRequests.signed(BinanceStub.key(), URI.create("https://api.binance.com"), "GET",
                "/api/v3/order", params, 1499827319559L).build();

        assertThat(request.uri().getRawQuery())
                .isEqualTo(LTCBTC + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(request.method()).isEqualTo("GET");
    }

    private static String body(HttpRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<String> done = new CompletableFuture<>();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toString(StandardCharsets.UTF_8));
            }
        });
        return done.get(5, TimeUnit.SECONDS);
    }
}
