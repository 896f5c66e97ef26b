package com.nija.local.gateway;

import com.nija.shared.config.PlatformClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.routes.Route;
import com.nija.local.auth.JwtVerifier;
import com.nija.local.auth.TokenRejectedException;
import com.nija.local.auth.VerifiedToken;
import com.nija.local.gateway.HttpApiEvents.Origin;
import com.nija.local.gateway.HttpApiEvents.Target;
import com.nija.local.gateway.HttpApiResponses.InvalidResponseException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What API Gateway does between receiving a request and answering it: route, authorize, build the event, invoke
 * the function, map its response. Runs on a worker thread, never on the event loop.
 */
final class Dispatcher {
    /** Response header API Gateway HTTP APIs put on every response. */
    static final String REQUEST_ID_HEADER = "apigw-requestid";
    /** MDC key the Lambda runtime uses for the request id. */
    static final String MDC_REQUEST_ID = "AWSRequestId";

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

    private final RouteMatcher routes;
    private final JwtVerifier verifier;
    private final GatewayOptions options;
    private final StaticSite site;
    private final long timeoutNanos;

    Dispatcher(RouteMatcher routes, JwtVerifier verifier, GatewayOptions options, StaticSite site) {
        this.routes = routes;
        this.verifier = verifier;
        this.options = options;
        this.site = site;
        this.timeoutNanos = options.integrationTimeout().toNanos();
    }

    /**
     * One request in flight. {@code abandoned} is set once the client has its answer (or is gone), so a late result
     * is dropped; {@code counted} (event loop only) while the call holds a place in {@link Connections#active()}.
     */
    static final class Call {
        final long arrivalNanos = System.nanoTime();
        final boolean keepAlive;
        volatile boolean abandoned;
        boolean counted;

        Call(boolean keepAlive) {
            this.keepAlive = keepAlive;
        }
    }

    /** The response for {@code request}, or null when the call was abandoned before its function started. */
    FullHttpResponse handle(FullHttpRequest request, String sourceIp, int localPort, Call call) {
        long now = PlatformClock.system().millis();
        String requestId = RequestIds.next(now);
        FullHttpResponse response = route(request, new Origin(requestId, now, sourceIp, localPort), call);
        if (response != null) {
            response.headers().set(REQUEST_ID_HEADER, requestId);
        }
        return response;
    }

    private FullHttpResponse route(FullHttpRequest request, Origin origin, Call call) {
        String method = request.method().name();
        Target target = Target.of(request.uri());
        RouteMatcher.Result result = routes.match(method, target.rawPath());
        if (result instanceof RouteMatcher.MethodNotAllowed notAllowed) {
            String allow = String.join(", ", notAllowed.allowed());
            FullHttpResponse response = Problems.response(GatewayProblem.METHOD_NOT_ALLOWED,
                    method + " is not allowed on " + target.rawPath() + "; allowed: " + allow);
            response.headers().set(HttpHeaderNames.ALLOW, allow);
            return response;
        }
        if (!(result instanceof RouteMatcher.Found found)) {
            FullHttpResponse page = site == null ? null : serveSite(request, method, target.rawPath(), origin.sourceIp());
            if (page != null) return page;
            return Problems.response(GatewayProblem.NOT_FOUND, "No route for " + method + " " + target.rawPath());
        }
        Route route = found.bound().route();
        VerifiedToken token = null;
        if (route.access().needsToken()) {
            try {
                token = verifier.verifyAuthorizationHeader(request.headers().get(HttpHeaderNames.AUTHORIZATION));
            } catch (TokenRejectedException e) {
                return unauthorized(e);
            }
            Set<String> anyOf = route.access().anyOfGroups();
            if (!anyOf.isEmpty() && token.groups().stream().noneMatch(anyOf::contains)) {
                return Problems.response(GatewayProblem.FORBIDDEN,
                        route.routeKey() + " needs one of the groups " + anyOf);
            }
        }
        if (call.abandoned) {
            return null;
        }
        APIGatewayV2HTTPEvent event = HttpApiEvents.build(request, target, route, found.pathParameters(), token,
                origin, options);
        return invoke(found.bound(), event, origin.requestId(), call);
    }

    private FullHttpResponse invoke(BoundRoute bound, APIGatewayV2HTTPEvent event, String requestId, Call call) {
        Route route = bound.route();
        LocalLambdaContext context = new LocalLambdaContext(requestId, route.function(),
                call.arrivalNanos + timeoutNanos, LocalLambdaContext.loggerFor(route.function()));
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse out;
        MDC.put(MDC_REQUEST_ID, requestId);
        try {
            out = bound.handler().handleRequest(event, context);
        } catch (Throwable t) {   // the function's failure, whatever it is, must not reach the client or the loop
            LOG.error("{} ({}) failed, request {}", route.routeKey(), route.function(), requestId, t);
            return Problems.response(GatewayProblem.INTERNAL,
                    "The function failed; see the platform log for request " + requestId);
        } finally {
            MDC.remove(MDC_REQUEST_ID);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> {} in {} µs, request {}", route.routeKey(), out == null ? "null" : out.getStatusCode(),
                    (System.nanoTime() - started) / 1_000, requestId);
        }
        try {
            return HttpApiResponses.toHttp(out);
        } catch (InvalidResponseException e) {
            LOG.error("{} ({}) returned an unusable response, request {}: {}", route.routeKey(), route.function(),
                    requestId, e.getMessage());
            return Problems.response(GatewayProblem.INTERNAL,
                    "The function returned an invalid response; see the platform log for request " + requestId);
        }
    }

    private FullHttpResponse serveSite(FullHttpRequest request, String method, String rawPath, String sourceIp) {
        APIGatewayV2HTTPResponse out = site.serve(method, rawPath, request.headers()::get,
                request.content().toString(java.nio.charset.StandardCharsets.UTF_8), sourceIp);
        if (out == null) return null;
        try {
            return HttpApiResponses.toHttp(out);
        } catch (InvalidResponseException e) {
            LOG.error("The static site answered {} {} unusably: {}", method, rawPath, e.getMessage());
            return Problems.response(GatewayProblem.INTERNAL, "The static site failed; see the platform log");
        }
    }

    private static FullHttpResponse unauthorized(TokenRejectedException e) {
        FullHttpResponse response = Problems.response(GatewayProblem.UNAUTHORIZED, e.getMessage());
        // RFC 6750, as API Gateway's JWT authorizer answers
        String challenge = e.reason() == TokenRejectedException.Reason.MISSING
                ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + quoted(e.getMessage()) + "\"";
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
        return response;
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
