package com.nija.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns a function's payload 2.0 response into HTTP the way API Gateway does: status, headers, multi-value
 * headers, each cookie as its own {@code Set-Cookie}, the body base64-decoded when {@code isBase64Encoded}, and
 * {@code Content-Type: application/json} when the function set none.
 */
final class HttpApiResponses {
    private static final byte[] EMPTY = new byte[0];

    private HttpApiResponses() {
    }

    /** A response API Gateway would refuse (it answers 500 for these too). */
    static final class InvalidResponseException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidResponseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static FullHttpResponse toHttp(APIGatewayV2HTTPResponse response) throws InvalidResponseException {
        if (response == null) {
            throw new InvalidResponseException("the handler returned null", null);
        }
        int status = response.getStatusCode();
        if (status < 100 || status > 599) {
            throw new InvalidResponseException("the handler returned statusCode " + status, null);
        }
        byte[] body;
        String text = response.getBody();
        if (text == null || text.isEmpty()) {
            body = EMPTY;
        } else if (response.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidResponseException("the handler's body is not valid base64", e);
            }
        } else {
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        HttpHeaders headers = http.headers();
        try {
            Map<String, String> single = response.getHeaders();
            if (single != null) {
                for (Map.Entry<String, String> h : single.entrySet()) {
                    if (h.getKey() != null && h.getValue() != null && !managed(h.getKey())) {
                        headers.set(h.getKey(), h.getValue());
                    }
                }
            }
            Map<String, List<String>> multi = response.getMultiValueHeaders();
            if (multi != null) {
                for (Map.Entry<String, List<String>> h : multi.entrySet()) {
                    if (h.getKey() != null && h.getValue() != null && !managed(h.getKey())) {
                        headers.remove(h.getKey());
                        for (String value : h.getValue()) {
                            if (value != null) {
                                headers.add(h.getKey(), value);
                            }
                        }
                    }
                }
            }
            List<String> cookies = response.getCookies();
            if (cookies != null) {
                for (String cookie : cookies) {
                    if (cookie != null) {
                        headers.add(HttpHeaderNames.SET_COOKIE, cookie);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            http.release();
            throw new InvalidResponseException("the handler returned an invalid header: " + e.getMessage(), e);
        }
        if (!headers.contains(HttpHeaderNames.CONTENT_TYPE)) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return http;
    }

    /** Framing headers the gateway sets itself. */
    private static boolean managed(String name) {
        return name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("transfer-encoding")
                || name.equalsIgnoreCase("connection");
    }
}
