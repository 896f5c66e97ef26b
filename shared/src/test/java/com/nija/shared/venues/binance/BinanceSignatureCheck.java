package com.nija.shared.venues.binance;

import com.github.tomakehurst.wiremock.http.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stub's own check of a SIGNED request, written from the Spot API docs ("SIGNED Endpoint security", "Timing
 * security") without the client's signer: the payload is the received query string without its {@code signature}
 * parameter, followed with no separator by the received body without it; the signature is the hex HMAC-SHA256 of
 * that under the secret (case-insensitive). The timestamp passes when
 * {@code timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow} (recvWindow default 5000).
 */
final class BinanceSignatureCheck {
    private BinanceSignatureCheck() {}

    static boolean signatureValid(Request request, String secret) {
        String query = query(request);
        String body = body(request);
        String received = params(query + "&" + body).get("signature");
        if (received == null) return false;
        String payload = withoutSignature(query) + withoutSignature(body);
        return hmacHex(secret, payload).equalsIgnoreCase(received);
    }

    static boolean timestampInWindow(Request request, long serverTime) {
        Map<String, String> params = params(query(request) + "&" + body(request));
        try {
            long timestamp = Long.parseLong(params.getOrDefault("timestamp", ""));
            long recvWindow = Long.parseLong(params.getOrDefault("recvWindow", "5000"));
            return timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Map<String, String> params(String encoded) {
        Map<String, String> params = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String query(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? "" : url.substring(q + 1);
    }

    private static String body(Request request) {
        String body = request.getBodyAsString();
        return body == null ? "" : body;
    }

    private static String withoutSignature(String encoded) {
        if (encoded.isEmpty()) return encoded;
        return Arrays.stream(encoded.split("&")).filter(p -> !p.startsWith("signature="))
                .collect(Collectors.joining("&"));
    }

    private static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
