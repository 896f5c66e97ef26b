package com.nija.local.gateway;

/**
 * Errors the gateway itself answers with, before or instead of a function: each an RFC 9457
 * {@code application/problem+json} body with a stable {@code type} under {@code https://nija.dev/problems/}.
 */
public enum GatewayProblem {
    /** The request could not be decoded as HTTP/1.1 (bad request line, headers too long). */
    BAD_REQUEST(400, "Bad Request", "bad-request"),
    /** The route needs a token and the request carried none, or one the JWT authorizer refused. */
    UNAUTHORIZED(401, "Unauthorized", "unauthorized"),
    /** The token is valid but holds none of the groups the route requires. */
    FORBIDDEN(403, "Forbidden", "forbidden"),
    /** No route has this path. */
    NOT_FOUND(404, "Not Found", "not-found"),
    /** A route has this path but not this method; the response carries {@code Allow}. */
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", "method-not-allowed"),
    /** The body is larger than API Gateway's 10 MB payload limit. */
    PAYLOAD_TOO_LARGE(413, "Payload Too Large", "payload-too-large"),
    /** The function threw, or returned a response API Gateway could not use. */
    INTERNAL(500, "Internal Server Error", "internal"),
    /** The gateway is shutting down. */
    UNAVAILABLE(503, "Service Unavailable", "unavailable"),
    /** The function did not answer within the integration timeout (29 s, as in API Gateway). */
    GATEWAY_TIMEOUT(504, "Gateway Timeout", "gateway-timeout");

    /** Prefix of every problem type URI. */
    public static final String TYPE_BASE = "https://nija.dev/problems/";

    private final int status;
    private final String title;
    private final String type;

    GatewayProblem(int status, String title, String slug) {
        this.status = status;
        this.title = title;
        this.type = TYPE_BASE + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem's {@code type} URI, e.g. {@code https://nija.dev/problems/unauthorized}. */
    public String type() {
        return type;
    }
}
