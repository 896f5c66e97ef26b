package com.nija.shared.venues.kraken;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Kraken's REST API as its docs describe it, on WireMock: private stubs answer only requests whose {@code API-Sign}
 * this class recomputes — with its own code, from the docs' recipe (HMAC-SHA512 of the URI path + SHA-256(nonce +
 * POST data), keyed with the base64-decoded secret), not with {@link KrakenSigner}. Any other private request gets
 * Kraken's documented {@code EAPI:Invalid signature}. Answers are the docs' examples, kept under
 * {@code src/test/resources/venues/kraken/}.
 */
final class KrakenStub {
    static final String API_KEY = "HMm2X4pdGrMzYmzUq5ZSpQoQP/2zDY0K8JxNdFHsJRRr4hx3ZeyZOxxP";
    /** 64 bytes, base64 as Kraken shows a private key. */
    static final String SECRET =
            "Tm90IGEgc2VjcmV0OiB0aGUgdGVzdCBrZXkgb2YgZXhhY3RseSBzaXh0eS1mb3VyIGJ5dGVzIGZvciBzdHViLg==";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    KrakenStub start() {
        server.start();
        return this;
    }

    void reset() {
        server.resetAll();
        server.stubFor(post(urlPathMatching("/0/private/.*")).atPriority(100)
                .willReturn(okJson("{\"error\":[\"EAPI:Invalid signature\"]}")));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** A private call to {@code method}, correctly signed by the test key. */
    static MappingBuilder signed(String method) {
        return post(urlPathEqualTo("/0/private/" + method)).andMatching(KrakenStub::signedByTestKey);
    }

    static MatchResult signedByTestKey(Request request) {
        String body = request.getBodyAsString();
        String nonce = formField(body, "nonce");
        if (nonce == null || !API_KEY.equals(request.getHeader("API-Key"))) return MatchResult.noMatch();
        String path = URI.create(request.getUrl()).getPath();
        return MatchResult.of(apiSign(path, nonce, body).equals(request.getHeader("API-Sign")));
    }

    static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String apiSign(String path, String nonce, String postData) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] inner = sha256.digest((nonce + postData).getBytes(StandardCharsets.UTF_8));
            byte[] message = new byte[path.length() + inner.length];
            System.arraycopy(path.getBytes(StandardCharsets.US_ASCII), 0, message, 0, path.length());
            System.arraycopy(inner, 0, message, path.length(), inner.length);
            Mac hmac = Mac.getInstance("HmacSHA512");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA512"));
            return Base64.getEncoder().encodeToString(hmac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fixture(String name) {
        try (InputStream in = KrakenStub.class.getResourceAsStream("/venues/kraken/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
