package com.nija.local.gateway;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Builds the gateway's own {@code application/problem+json} responses. */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    static FullHttpResponse response(GatewayProblem problem, String detail) {
        byte[] body = json(problem, detail).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    static String json(GatewayProblem problem, String detail) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("{\"type\":");
        string(sb, problem.type());
        sb.append(",\"title\":");
        string(sb, problem.title());
        sb.append(",\"status\":").append(problem.status());
        if (detail != null) {
            sb.append(",\"detail\":");
            string(sb, detail);
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
