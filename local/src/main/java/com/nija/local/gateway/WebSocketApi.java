package com.nija.local.gateway;

import com.nija.shared.config.PlatformClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.nija.functions.routes.WsRoute;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The local API Gateway WebSocket API, on the HTTP gateway's port: upgrades at {@value #PATH} after the authorizer
 * check and a {@code $connect} that accepts, routes each text frame by {@code $request.body.action} (unknown or
 * absent: {@code $default}), answers two-way routes with their response body, invokes {@code $disconnect} when a
 * connection ends, and closes connections after {@link GatewayOptions#webSocketMaxDuration()} or
 * {@link GatewayOptions#webSocketIdleTimeout()} without a frame from the client. {@link ConnectionsApi} serves
 * the {@code @connections} management API over it.
 *
 * <p>The authorizer: like API Gateway, the gateway runs the route table's Lambda REQUEST authorizer on every upgrade
 * request before {@code $connect}; when it throws the client gets 401, otherwise its {@code principalId} and
 * {@code context} go to every event of the connection in {@code requestContext.authorizer}.
 */
final class WebSocketApi {
    static final String PATH = "/ws";
    /** API Gateway's WebSocket frame limit. */
    static final int MAX_FRAME_BYTES = 32 * 1024;
    /** API Gateway's WebSocket message limit (frames of one message together). */
    static final int MAX_MESSAGE_BYTES = 128 * 1024;
    /** Messages of one connection waiting for their function; a client flooding past this is disconnected. */
    static final int MAX_PENDING_MESSAGES = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

    private final Map<String, BoundWsRoute> routes = new HashMap<>();
    private final BoundWsAuthorizer authorizer;
    private final GatewayOptions options;
    private final Map<String, WsSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger disconnectsRunning = new AtomicInteger();
    private volatile Executor workers;
    private volatile boolean closing;

    WebSocketApi(List<BoundWsRoute> wsRoutes, BoundWsAuthorizer authorizer, GatewayOptions options) {
        for (BoundWsRoute r : wsRoutes) {
            if (routes.putIfAbsent(r.route().routeKey(), r) != null) {
                throw new IllegalArgumentException("Two WebSocket routes for " + r.route().routeKey());
            }
        }
        if (!routes.containsKey(WsRoute.CONNECT) || !routes.containsKey(WsRoute.DEFAULT)) {
            throw new IllegalArgumentException("A WebSocket API needs $connect and $default routes");
        }
        this.authorizer = java.util.Objects.requireNonNull(authorizer, "authorizer");
        this.options = options;
    }

    void start(Executor workerPool) {
        this.workers = workerPool;
    }

    int routeCount() {
        return routes.size();
    }

    /** Connections open right now. */
    int open() {
        return sessions.size();
    }

    static boolean isWebSocketPath(String uri) {
        String path = HttpApiEvents.Target.of(uri).rawPath();
        return path.equals(PATH);
    }

    /** Handles an upgrade request at {@value #PATH}; owns (releases) it. Runs on the channel's event loop. */
    void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String sourceIp) {
        boolean handedOff = false;
        try {
            if (closing) {
                respond(ctx, Problems.response(GatewayProblem.UNAVAILABLE, "The local platform is shutting down"));
                return;
            }
            if (!HttpMethod.GET.equals(request.method()) || !isUpgrade(request)) {
                respond(ctx, Problems.response(GatewayProblem.BAD_REQUEST,
                        "WebSocket API: open " + PATH + " with GET and Upgrade: websocket"));
                return;
            }
            String host = request.headers().get(HttpHeaderNames.HOST, "localhost");
            int colon = host.lastIndexOf(':');
            String domain = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
            long connectedAt = PlatformClock.system().millis();
            String requestId = RequestIds.next(connectedAt);
            APIGatewayCustomAuthorizerEvent check = WebSocketEvents.authorize(request, sourceIp, requestId, options);
            ctx.channel().config().setAutoRead(false);
            workers.execute(() -> {
                Map<String, Object> context = authorize(check, requestId);
                if (context == null) {
                    ctx.executor().execute(() -> {
                        try {
                            FullHttpResponse refused = Problems.response(GatewayProblem.UNAUTHORIZED,
                                    "The $connect authorizer refused the connection: send a valid token in ?token= "
                                            + "or Sec-WebSocket-Protocol");
                            refused.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
                            respond(ctx, refused);
                        } finally {
                            request.release();
                        }
                    });
                    return;
                }
                WebSocketEvents.Connection connection = new WebSocketEvents.Connection(ConnectionIds.next(),
                        connectedAt, sourceIp, request.headers().get(HttpHeaderNames.USER_AGENT, ""), domain, context);
                APIGatewayV2WebSocketEvent event = WebSocketEvents.connect(connection, request, requestId, options);
                APIGatewayV2WebSocketResponse response = invoke(routes.get(WsRoute.CONNECT), event, requestId);
                ctx.executor().execute(() -> accept(ctx, request, connection, response));
            });
            handedOff = true;
        } catch (RejectedExecutionException e) {
            respond(ctx, Problems.response(GatewayProblem.UNAVAILABLE, "The local platform is shutting down"));
        } finally {
            if (!handedOff) request.release();
        }
    }

    /** After {@code $connect}: completes the handshake, or refuses with the function's status. Event loop. */
    private void accept(ChannelHandlerContext ctx, FullHttpRequest request, WebSocketEvents.Connection connection,
                        APIGatewayV2WebSocketResponse response) {
        try {
            int status = response == null ? 500 : response.getStatusCode();
            if (status < 200 || status > 299) {
                GatewayProblem problem = switch (status) {
                    case 401 -> GatewayProblem.UNAUTHORIZED;
                    case 403 -> GatewayProblem.FORBIDDEN;
                    case 400 -> GatewayProblem.BAD_REQUEST;
                    default -> GatewayProblem.INTERNAL;
                };
                respond(ctx, Problems.response(problem, "$connect refused the connection with status " + status));
                return;
            }
            if (!ctx.channel().isActive() || closing) {
                // Accepted by $connect, but the client left (or we are closing) first: it must hear $disconnect.
                ctx.close();
                disconnected(connection);
                return;
            }
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                    "ws://" + connection.domainName() + PATH, header(response, "Sec-WebSocket-Protocol"), false,
                    MAX_FRAME_BYTES).newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                disconnected(connection);
                return;
            }
            // The session is registered before the 101 goes out: a push that follows $connect at once must find it.
            // Writes from other threads queue behind this task on the event loop, so they follow the handshake.
            WsSession session = new WsSession(this, connection, handshaker, options);
            ChannelPipeline pipeline = ctx.pipeline();
            if (pipeline.get(HttpGateway.HTTP_HANDLER) != null) pipeline.remove(HttpGateway.HTTP_HANDLER);
            pipeline.addAfter(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
            pipeline.addAfter("ws-aggregator", "ws-session", session);
            sessions.put(connection.connectionId(), session);
            session.start(ctx.channel());
            handshaker.handshake(ctx.channel(), request, null, ctx.channel().newPromise())
                    .addListener((ChannelFutureListener) f -> {
                        if (f.isSuccess()) {
                            f.channel().config().setAutoRead(true);
                        } else {
                            LOG.debug("WebSocket handshake failed: {}", String.valueOf(f.cause()));
                            f.channel().close();
                        }
                    });
            pipeline.remove(ctx.handler());
        } finally {
            request.release();
        }
    }

    /** Runs a route's function; never throws (a failure is logged and reported as null). */
    APIGatewayV2WebSocketResponse invoke(BoundWsRoute route, APIGatewayV2WebSocketEvent event, String requestId) {
        LocalLambdaContext context = new LocalLambdaContext(requestId, route.route().function(),
                System.nanoTime() + options.integrationTimeout().toNanos(),
                LocalLambdaContext.loggerFor(route.route().function()));
        MDC.put(Dispatcher.MDC_REQUEST_ID, requestId);
        try {
            return route.handler().handleRequest(event, context);
        } catch (Throwable t) {   // the function's failure must not reach the event loop or other connections
            LOG.error("WebSocket route {} ({}) failed, request {}", route.route().routeKey(), route.route().function(),
                    requestId, t);
            return null;
        } finally {
            MDC.remove(Dispatcher.MDC_REQUEST_ID);
        }
    }

    /** The route a text message selects: its JSON {@code action} when a route has that key, else {@code $default}. */
    BoundWsRoute select(String body) {
        String action = RouteSelection.action(body);
        BoundWsRoute route = action == null ? null : routes.get(action);
        // $connect and $disconnect are not for messages: an action naming them goes to $default like any unknown one
        return route == null || !route.route().twoWay() ? routes.get(WsRoute.DEFAULT) : route;
    }

    Executor workers() {
        return workers;
    }

    GatewayOptions options() {
        return options;
    }

    /** A connection ended, for whatever reason: forget it and tell {@code $disconnect} (once). */
    void disconnected(WebSocketEvents.Connection connection) {
        sessions.remove(connection.connectionId());
        BoundWsRoute route = routes.get(WsRoute.DISCONNECT);
        if (route == null) return;
        String requestId = RequestIds.next(PlatformClock.system().millis());
        APIGatewayV2WebSocketEvent event = WebSocketEvents.disconnect(connection, requestId, options);
        disconnectsRunning.incrementAndGet();
        try {
            workers.execute(() -> {
                try {
                    invoke(route, event, requestId);
                } finally {
                    disconnectsRunning.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            disconnectsRunning.decrementAndGet();
            LOG.warn("$disconnect of {} not delivered: the gateway is stopping", connection.connectionId());
        }
    }

    // @connections management API

    /** Sends one message to a connection; false when no such connection is open (Gone). */
    boolean send(String connectionId, byte[] data) {
        WsSession session = sessions.get(connectionId);
        return session != null && session.send(data);
    }

    record Info(Instant connectedAt, Instant lastActiveAt, String sourceIp, String userAgent) {
    }

    Optional<Info> info(String connectionId) {
        WsSession session = sessions.get(connectionId);
        return session == null ? Optional.empty() : Optional.of(session.info());
    }

    /** Closes a connection as {@code DELETE @connections/{id}} does; false when it is not open. */
    boolean disconnect(String connectionId) {
        WsSession session = sessions.get(connectionId);
        if (session == null) return false;
        session.close(1000, "Disconnected by the server");
        return true;
    }

    /**
     * Refuses new connections, closes every open one (1001 going away) and waits up to {@code timeoutMillis} for
     * their {@code $disconnect} invocations.
     */
    void close(long timeoutMillis) {
        closing = true;
        sessions.values().forEach(s -> s.close(1001, "Going away"));
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while ((!sessions.isEmpty() || disconnectsRunning.get() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!sessions.isEmpty() || disconnectsRunning.get() > 0) {
            LOG.warn("{} WebSocket connections / {} $disconnect calls still open at shutdown", sessions.size(),
                    disconnectsRunning.get());
        }
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    /**
     * Runs the authorizer: the context API Gateway would attach to the connection's events ({@code principalId} and
     * the authorizer's {@code context}), or null when it refused (threw) or allowed nothing.
     */
    private Map<String, Object> authorize(APIGatewayCustomAuthorizerEvent check, String requestId) {
        String function = authorizer.authorizer().function();
        LocalLambdaContext lambda = new LocalLambdaContext(requestId, function,
                System.nanoTime() + options.integrationTimeout().toNanos(), LocalLambdaContext.loggerFor(function));
        IamPolicyResponseV1 policy;
        try {
            policy = authorizer.handler().handleRequest(check, lambda);
        } catch (Throwable refused) {   // "Unauthorized" is the authorizer's way to say 401; anything else is too
            LOG.debug("$connect authorizer refused {}: {}", requestId, refused.toString());
            return null;
        }
        if (policy == null || policy.getPrincipalId() == null || !allows(policy)) return null;
        Map<String, Object> context = new HashMap<>();
        if (policy.getContext() != null) context.putAll(policy.getContext());
        context.put("principalId", policy.getPrincipalId());
        context.put("integrationLatency", 0);
        return context;
    }

    /** True when the policy has an Allow statement (the only kind our authorizer writes). */
    private static boolean allows(IamPolicyResponseV1 policy) {
        Object statements = policy.getPolicyDocument().get("Statement");
        if (!(statements instanceof Object[] array)) return false;
        for (Object st : array) {
            if (st instanceof Map<?, ?> m && IamPolicyResponseV1.ALLOW.equals(m.get("Effect"))) return true;
        }
        return false;
    }

    private static String header(APIGatewayV2WebSocketResponse response, String name) {
        if (response.getHeaders() == null) return null;
        for (Map.Entry<String, String> h : response.getHeaders().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && h.getValue() != null && !h.getValue().isBlank()) return h.getValue();
        }
        return null;
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpResponse response) {
        ctx.channel().config().setAutoRead(true);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
